package io.conduithex.adapter.jdbi.sql;

import io.conduithex.adapter.jdbi.values.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How each dialect stores an instant: PostgreSQL as {@code timestamptz}, SQLite as epoch milliseconds in an
 * INTEGER column (exact, sortable and indexable, unlike text), MariaDB as a UTC {@code DATETIME(6)} (its
 * {@code TIMESTAMP} ends in 2038 and converts by the session's time zone). Instants are kept to the millisecond.
 */
public enum Timestamps {
    POSTGRESQL {
        @Override
        public Object bind(Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }

        @Override
        public Instant read(ResultSet rs, String column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class).toInstant();
        }

        @Override
        public Instant read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class).toInstant();
        }
    },
    SQLITE {
        @Override
        public Object bind(Instant instant) {
            return instant.toEpochMilli();
        }

        @Override
        public Instant read(ResultSet rs, String column) throws SQLException {
            return Instant.ofEpochMilli(rs.getLong(column));
        }

        @Override
        public Instant read(ResultSet rs, int column) throws SQLException {
            return Instant.ofEpochMilli(rs.getLong(column));
        }
    },
    MARIADB {
        @Override
        public Object bind(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }

        @Override
        public Instant read(ResultSet rs, String column) throws SQLException {
            return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }

        @Override
        public Instant read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
    };

    public static Timestamps of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> POSTGRESQL;
            case SQLITE -> SQLITE;
            case MARIADB -> MARIADB;
        };
    }

    /** The value to bind for {@code instant}. */
    public abstract Object bind(Instant instant);

    public abstract Instant read(ResultSet rs, String column) throws SQLException;

    /** Reads the column at {@code column} (1-based), for rows read many times over. */
    public abstract Instant read(ResultSet rs, int column) throws SQLException;
}
