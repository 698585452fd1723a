package org.visaport.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's findings as Markdown: the figures against their targets, what each part of the stack holds in memory,
 * and notes. {@link #writeInto(Path)} replaces only the part of docs/benchmarks.md between the markers, so the prose
 * around it (what each row measures, and how) stays as people wrote it.
 */
record BenchReport(Instant date, Duration took, String command, Machine machine, List<Row> rows, List<Part> parts,
                   List<String> notes) {

    static final String BEGIN = "<!-- bench:begin — written by ./visaport bench; what is between these markers is replaced -->";
    static final String END = "<!-- bench:end -->";

    /** One figure; {@code met} is empty where the figure has no target. */
    record Row(String figure, String measured, String target, String met) {

        static Row against(String figure, String measured, String target, boolean met) {
            return new Row(figure, measured, target, met ? "yes" : "no");
        }

        static Row untargeted(String figure, String measured) {
            return new Row(figure, measured, "", "");
        }
    }

    /** One part of the stack: its memory now (its whole process tree) and how long it took to start, where known. */
    record Part(String name, long pid, long rssBytes, String readyAfter, String startedOwnLog) {
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(date.atOffset(ZoneOffset.UTC)))
                .append(" with `").append(command).append("`, which took ").append(minutes(took)).append(".\n")
                .append("Machine: ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
                .append(String.format(Locale.ROOT, "%.1f GiB", machine.memoryBytes() / (double) (1L << 30))).append(" RAM, ")
                .append(machine.os()).append(", ").append(machine.jdk()).append(".\n\n");
        md.append("| figure | measured | target | met |\n|---|---|---|---|\n");
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row.figure(), row.measured(), row.target(), row.met()))
                .append(" |\n"));
        md.append("\n| part | pid | RSS now | ready after (launcher) | started (own log) |\n|---|---|---|---|---|\n");
        long total = 0;
        for (Part part : parts) {
            md.append("| ").append(part.name()).append(" | ").append(part.pid()).append(" | ").append(mebibytes(part.rssBytes()))
                    .append(" | ").append(part.readyAfter()).append(" | ").append(part.startedOwnLog()).append(" |\n");
            total += part.rssBytes();
        }
        md.append("| **all parts** | | **").append(mebibytes(total)).append("** | | |\n");
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    /** {@code document} with its generated part replaced by this report; without markers, the report is appended. */
    String into(String document) {
        String generated = BEGIN + "\n\n" + markdown() + "\n" + END;
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            return document.isBlank() ? generated + "\n" : document.stripTrailing() + "\n\n" + generated + "\n";
        }
        return document.substring(0, begin) + generated + document.substring(end + END.length());
    }

    void writeInto(Path file) {
        try {
            Files.writeString(file, into(Files.isRegularFile(file) ? Files.readString(file) : ""));
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String milliseconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Math.round(bytes / (double) (1L << 20))).replace(',', ' ');
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }
}
