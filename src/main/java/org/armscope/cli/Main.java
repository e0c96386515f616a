package org.armscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The command line: {@code armscope [--data DIR] COMMAND ...}. */
@Command(name = "armscope", mixinStandardHelpOptions = true, version = "armscope 0.1.0",
        description = "Multilingual defence news to a cross-lingual knowledge base of military-technical cooperation.",
        subcommands = {IngestCommand.class, CleanCommand.class, FactsCommand.class, SearchCommand.class,
            ServeCommand.class, EvalCommand.class, KbCommand.class, ExplainCommand.class, BenchCommand.class,
            TrainCommand.class, UserCommand.class})
public final class Main implements Runnable {
    @Option(names = "--data", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = "data folder (default: $ARMSCOPE_DATA or ./data)")
    void setData(Path dir) {
        Main.data = dir;
    }

    static Path data;

    static Path dataDir() {
        if (data != null) {
            return data;
        }
        String env = System.getenv("ARMSCOPE_DATA");
        return Path.of(env != null && !env.isBlank() ? env : "data");
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        data = null;
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            String msg = ex.getMessage() != null ? ex.getMessage() : ex.toString();
            cmd.getErr().println("armscope: " + msg);
            if (System.getenv("ARMSCOPE_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return ex instanceof UserError ? 2 : 1;
        });
        return cl.execute(args);
    }

    /** An error the user can act on; printed without a stack trace. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
