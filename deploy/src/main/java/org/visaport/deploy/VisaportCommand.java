package org.visaport.deploy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** `visaport up|down|status|demo|bench`: the local stack's command line, called by the ./visaport script. */
public final class VisaportCommand {

    private static final String USAGE = "usage: visaport up [--replicas N] | down | status | demo | bench";

    private VisaportCommand() {
    }

    /** The environment, with what the command line says on top: {@code up --replicas N} is {@code VISAPORT_REPLICAS=N}. */
    static Map<String, String> withOptions(String command, List<String> options) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        for (int i = 0; i < options.size(); i++) {
            if (command.equals("up") && options.get(i).equals("--replicas") && i + 1 < options.size()) {
                environment.put("VISAPORT_REPLICAS", options.get(++i));
            } else if (command.equals("up") && options.get(i).startsWith("--replicas=")) {
                environment.put("VISAPORT_REPLICAS", options.get(i).substring("--replicas=".length()));
            } else {
                throw new StackException("unknown option '" + options.get(i) + "'; " + USAGE);
            }
        }
        return environment;
    }

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", JavaRuntime.LOGBACK_CONFIGURATION);
        String command = args.length == 0 ? "up" : args[0];
        try {
            Map<String, String> environment = withOptions(command, java.util.Arrays.asList(args).subList(Math.min(1, args.length), args.length));
            LocalStack stack = new LocalStack(StackSettings.fromEnvironment(Path.of("").toAbsolutePath(), environment), System.out);
            switch (command) {
                case "up" -> stack.up();
                case "down" -> stack.down();
                case "status" -> System.exit(stack.status() ? 0 : 3);
                case "demo" -> new Demo(StackSettings.fromEnvironment(Path.of("").toAbsolutePath(), environment), System.out).run();
                case "bench" -> new Bench(StackSettings.fromEnvironment(Path.of("").toAbsolutePath(), environment), System.out).run();
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        } catch (StackException e) {
            System.err.println("visaport: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }
}
