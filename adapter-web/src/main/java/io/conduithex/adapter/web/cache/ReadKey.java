package io.conduithex.adapter.web.cache;

/**
 * A read whose answer may be kept: the whole question, so that two questions never share an answer, and what it
 * depends on, so that a commit can tell which answers it may have changed. Every component is what the route hands
 * its use case, as the client sent it (null when absent): two spellings of one question are kept apart, which costs
 * a second read, never a wrong answer.
 */
public sealed interface ReadKey {

    /** Roughly the bytes the key holds in memory, for the cache's weight. */
    int weight();

    /** {@code GET /api/articles} with its window and filters; depends on every article, so on any list change. */
    record ListPage(int limit, int offset, String tag, String author, String favorited) implements ReadKey {
        @Override
        public int weight() {
            return 48 + chars(tag) + chars(author) + chars(favorited);
        }
    }

    /** {@code GET /api/articles/{slug}}: the article's own view, and its author's profile. */
    record ArticleView(String slug) implements ReadKey {
        @Override
        public int weight() {
            return 32 + chars(slug);
        }
    }

    /** {@code GET /api/articles/{slug}/comments}: the comments on it, and their authors' profiles. */
    record CommentsOn(String slug) implements ReadKey {
        @Override
        public int weight() {
            return 32 + chars(slug);
        }
    }

    /** {@code GET /api/profiles/{username}}: one user's profile. */
    record Profile(String username) implements ReadKey {
        @Override
        public int weight() {
            return 32 + chars(username);
        }
    }

    private static int chars(String text) {
        return text == null ? 0 : 40 + 2 * text.length();
    }
}
