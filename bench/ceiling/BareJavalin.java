import io.javalin.Javalin;
import java.util.Map;

/**
 * The HTTP ceiling for bench/run: the same Javalin and Jetty as the server, one route answering a constant JSON
 * object, no database, no filters. Whatever the application does beyond this costs throughput, so its
 * scenarios are reported as a ratio to this handler measured with the same wrk settings on the same machine.
 *
 * <p>Run from the repository root with the shaded jar on the class path (single-file source launch):
 * {@code java -cp bootstrap/target/conduit.jar bench/ceiling/BareJavalin.java <port>}; listens on 127.0.0.1 only.
 */
public final class BareJavalin {

    private BareJavalin() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Map<String, Object> body = Map.of("ok", true);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/", ctx -> ctx.json(body));
        });
        app.start("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }
}
