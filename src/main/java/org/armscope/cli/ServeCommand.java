package org.armscope.cli;

import org.armscope.pipeline.Pipeline;
import org.armscope.store.SqlStore;
import org.armscope.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Serve the web app and JSON API (described at /openapi.json).")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--anonymous-read", description = "let visitors who are not signed in read (search, articles, entities, facts)")
    boolean anonymousRead;

    @Option(names = "--public-url", description = "the address users reach the server at, for share links, feeds and webhooks "
            + "(default http://HOST:PORT)")
    String publicUrl;

    @Override
    public Integer call() throws Exception {
        Pipeline pipeline = Context.pipeline();
        SqlStore store = Context.store(pipeline);
        WebServer.Settings settings = WebServer.Settings.of(host, port).withAnonymousRead(anonymousRead)
                .withPublicUrl(publicUrl == null ? null : publicUrl.replaceAll("/+$", ""));
        WebServer server = WebServer.start(store, pipeline, settings);
        System.out.println("Armscope is serving " + store.documentCount() + " documents on http://" + host + ":" + server.port()
                + (anonymousRead ? " (reading open to anonymous visitors)" : ""));
        if (server.team().userCount() == 0) {
            System.out.println("No accounts yet: stop the server and create the first admin with "
                    + "'./armscope user add NAME --role admin'" + (anonymousRead ? "" : ", or serve with --anonymous-read to read without one"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
        }));
        Thread.currentThread().join();
        return 0;
    }
}
