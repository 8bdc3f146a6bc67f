package io.conduithex.adapter.web;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.Profile;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The body of {@code GET /api/articles}: a page of 20 articles, each with 0 to 5 tags and its author's profile,
 * turned into response records by {@link Responses#articles} and written by {@link Json#write}, exactly as
 * {@code ArticleRoutes} does before handing the bytes to Javalin. In this package because both are the web
 * adapter's package-private production code, measured as they are rather than copied.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ArticleListJsonBenchmark {
    private static final int PAGE_SIZE = 20;
    private static final List<String> TAGS = List.of("dragons", "training", "java", "databases", "postgresql",
            "sqlite", "performance", "testing", "architecture", "web");

    private ArticlePage page;

    @Setup
    public void buildPage() {
        Instant created = Instant.parse("2026-02-18T03:22:56.637Z");
        List<ArticleView> views = new ArrayList<>(PAGE_SIZE);
        for (int i = 0; i < PAGE_SIZE; i++) {
            List<String> tags = new ArrayList<>();
            for (int t = 0; t < i % 6; t++) {
                tags.add(TAGS.get((i + 3 * t) % TAGS.size()));
            }
            var title = new Title("How to train your dragon, part " + (i + 1) + ": what the books leave out");
            var article = new Article(new ArticleId(1000 + i), new Slug("how-to-train-your-dragon-part-" + (i + 1)),
                    title,
                    new Description("Ever wonder how? A long walk through the parts every tutorial skips, with "
                            + "examples that run and numbers that were measured, chapter " + (i + 1) + "."),
                    null, TagList.of(tags), new UserId(10 + i % 7), created.plusSeconds(3_600L * i),
                    created.plusSeconds(3_600L * i + 120), i * 7L % 23);
            var author = new Profile(new Username("jake_" + (i % 7)),
                    i % 3 == 0 ? null : new Bio("I work at statefarm and write about dragons on weekends."),
                    i % 4 == 0 ? null : new ImageUrl("https://images.example.com/avatars/jake_" + (i % 7) + ".jpg"),
                    i % 2 == 0);
            views.add(new ArticleView(article, author, i % 5 == 0));
        }
        page = new ArticlePage(views, 500);
    }

    @Benchmark
    public byte[] writeListResponse() {
        return Json.write(Responses.articles(page));
    }
}
