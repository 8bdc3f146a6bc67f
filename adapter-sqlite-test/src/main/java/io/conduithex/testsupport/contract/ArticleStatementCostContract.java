package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No query per row: a page through {@link ArticleReadModel} costs as many statements whatever its size.
 */
public abstract class ArticleStatementCostContract extends ArticleReadModelContract {

    @Test
    void aPageOfTwentyCostsAsManyStatementsAsAPageOfOne() {
        User reader = givenAPopulatedSite();
        Optional<UserId> signedIn = Optional.of(reader.id());

        assertThat(list(ArticleFilter.ALL, new PageRequest(20, 0), signedIn).articles()).hasSize(20);
        long anonymousOne = statementsRunBy(() -> list(ArticleFilter.ALL, new PageRequest(1, 0), ANONYMOUS));
        long anonymousTwenty = statementsRunBy(() -> list(ArticleFilter.ALL, new PageRequest(20, 0), ANONYMOUS));
        long signedInOne = statementsRunBy(() -> list(ArticleFilter.ALL, new PageRequest(1, 0), signedIn));
        long signedInTwenty = statementsRunBy(() -> list(ArticleFilter.ALL, new PageRequest(20, 0), signedIn));
        report("list, anonymous", anonymousOne, anonymousTwenty);
        report("list, signed in", signedInOne, signedInTwenty);

        assertThat(anonymousTwenty).isEqualTo(anonymousOne);
        assertThat(signedInTwenty).isEqualTo(signedInOne);
    }

    @Test
    void aFeedPageOfTwentyCostsAsManyStatementsAsAPageOfOne() {
        User reader = givenAPopulatedSite();

        assertThat(feed(reader, new PageRequest(20, 0)).articles()).hasSize(20);
        long one = statementsRunBy(() -> feed(reader, new PageRequest(1, 0)));
        long twenty = statementsRunBy(() -> feed(reader, new PageRequest(20, 0)));
        report("feed", one, twenty);

        assertThat(twenty).isEqualTo(one);
    }

    @Test
    void aFilteredPageCostsAsManyStatementsWhateverItsSize() {
        User reader = givenAPopulatedSite();
        Optional<UserId> signedIn = Optional.of(reader.id());
        var filter = new ArticleFilter(Optional.of(new Tag("tag-1")), Optional.empty(),
                Optional.of(new Username("fan-0")));

        assertThat(list(filter, new PageRequest(20, 0), signedIn).articles()).hasSizeGreaterThan(1);
        long one = statementsRunBy(() -> list(filter, new PageRequest(1, 0), signedIn));
        long twenty = statementsRunBy(() -> list(filter, new PageRequest(20, 0), signedIn));
        report("list by tag and favorited, signed in", one, twenty);

        assertThat(twenty).isEqualTo(one);
    }

    /**
     * 25 articles by five authors, each with one to three tags and a few favorites; returns a reader who
     * follows four of the authors (so their feed holds 20 articles) and favorited some articles.
     */
    private User givenAPopulatedSite() {
        User reader = registered("reader");
        List<User> authors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            authors.add(registered("author-" + i));
        }
        List<User> fans = List.of(registered("fan-0"), registered("fan-1"), registered("fan-2"));
        commit(tx -> {
            for (int i = 0; i < 25; i++) {
                User author = authors.get(i % authors.size());
                var tags = new ArrayList<String>();
                for (int t = 0; t <= i % 3; t++) {
                    tags.add("tag-" + ((i + t) % 7));
                }
                Article article = tx.articles().insert(newArticle(author, "Article " + i, nextInstant(),
                        tags.toArray(String[]::new)));
                for (int f = 0; f < fans.size(); f++) {
                    if ((i + f) % 2 == 0) {
                        tx.favorites().favorite(fans.get(f).id(), article.id());
                    }
                }
                if (i % 3 == 0) {
                    tx.favorites().favorite(reader.id(), article.id());
                }
            }
            for (int i = 0; i < 4; i++) {
                tx.follows().follow(reader.id(), authors.get(i).id());
            }
        });
        return reader;
    }

    private void report(String what, long pageOfOne, long pageOfTwenty) {
        System.out.println("[conduit-test] " + getClass().getSimpleName() + ": " + what + ": " + pageOfOne
                + " statements for a page of 1, " + pageOfTwenty + " for a page of 20");
    }
}
