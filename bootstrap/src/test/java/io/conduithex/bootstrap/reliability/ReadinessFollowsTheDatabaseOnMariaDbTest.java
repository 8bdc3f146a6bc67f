package io.conduithex.bootstrap.reliability;

class ReadinessFollowsTheDatabaseOnMariaDbTest extends ReadinessFollowsTheDatabase {
    ReadinessFollowsTheDatabaseOnMariaDbTest() {
        super(MariaDbFaultServer::launch);
    }
}
