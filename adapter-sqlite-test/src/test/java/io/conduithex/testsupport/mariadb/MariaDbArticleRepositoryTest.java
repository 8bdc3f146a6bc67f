package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.ArticleRepositoryContract;

class MariaDbArticleRepositoryTest extends ArticleRepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }
}
