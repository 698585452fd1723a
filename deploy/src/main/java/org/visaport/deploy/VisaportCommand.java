package org.visaport.deploy;

import java.nio.file.Path;

/** `visaport up|down|status|demo|bench`: the local stack's command line, called by the ./visaport script. */
public final class VisaportCommand {

    private VisaportCommand() {
    }

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", JavaRuntime.LOGBACK_CONFIGURATION);
        String command = args.length == 0 ? "up" : args[0];
        try {
            LocalStack stack = new LocalStack(StackSettings.fromEnvironment(Path.of("").toAbsolutePath(), System.getenv()), System.out);
            switch (command) {
                case "up" -> stack.up();
                case "down" -> stack.down();
                case "status" -> System.exit(stack.status() ? 0 : 3);
                case "demo" -> new Demo(StackSettings.fromEnvironment(Path.of("").toAbsolutePath(), System.getenv()), System.out).run();
                case "bench" -> new Bench(StackSettings.fromEnvironment(Path.of("").toAbsolutePath(), System.getenv()), System.out).run();
                default -> {
                    System.err.println("usage: visaport up|down|status|demo|bench");
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
