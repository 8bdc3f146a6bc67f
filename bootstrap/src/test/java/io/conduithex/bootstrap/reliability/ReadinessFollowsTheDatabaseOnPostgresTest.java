package io.conduithex.bootstrap.reliability;

class ReadinessFollowsTheDatabaseOnPostgresTest extends ReadinessFollowsTheDatabase {
    ReadinessFollowsTheDatabaseOnPostgresTest() {
        super(PostgresFaultServer::launch);
    }
}
