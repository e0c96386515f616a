package org.armscope.cli;

import org.armscope.pipeline.Pipeline;
import org.armscope.store.SqlStore;
import org.armscope.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Serve the web app and JSON API.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host;

    @Override
    public Integer call() throws Exception {
        Pipeline pipeline = Context.pipeline();
        SqlStore store = Context.store(pipeline);
        WebServer server = WebServer.start(store, pipeline, host, port);
        System.out.println("Armscope is serving " + store.documentCount() + " documents on http://" + host + ":" + server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
        }));
        Thread.currentThread().join();
        return 0;
    }
}
