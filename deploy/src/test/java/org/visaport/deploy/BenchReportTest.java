package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    private static final BenchReport REPORT = new BenchReport(Instant.parse("2026-11-26T03:50:12Z"), Duration.ofSeconds(581),
            "./visaport bench", new Machine("AMD EPYC", 2, 24L << 30, "Debian GNU/Linux 12 (bookworm), Linux 6.1", "JDK 25.0.3 (Eclipse Adoptium)"),
            List.of(BenchReport.Row.against("gateway / direct throughput", "0.45", "≥ 0.8", false),
                    BenchReport.Row.untargeted("same, with If-None-Match", "no ETag")),
            List.of(new BenchReport.Part("gateway", 4242, 300L << 20, "not recorded", "33.5 s"),
                    new BenchReport.Part("kafka", 4343, 212L << 20, "not recorded", "—")),
            List.of("A note."));

    @Test
    void writesTheMachineTheFiguresAgainstTheirTargetsAndEachPartsMemory() {
        assertThat(REPORT.markdown()).isEqualTo("""
                Run 2026-11-26 03:50 UTC with `./visaport bench`, which took 9 min 41 s.
                Machine: AMD EPYC, 2 cores, 24.0 GiB RAM, Debian GNU/Linux 12 (bookworm), Linux 6.1, JDK 25.0.3 (Eclipse Adoptium).

                | figure | measured | target | met |
                |---|---|---|---|
                | gateway / direct throughput | 0.45 | ≥ 0.8 | no |
                | same, with If-None-Match | no ETag |  |  |

                | part | pid | RSS now | ready after (launcher) | started (own log) |
                |---|---|---|---|---|
                | gateway | 4242 | 300 MiB | not recorded | 33.5 s |
                | kafka | 4343 | 212 MiB | not recorded | — |
                | **all parts** | | **512 MiB** | | |

                - A note.
                """);
    }

    @Test
    void replacesOnlyWhatIsBetweenTheMarkers() {
        String document = "# Benchmarks\n\nWhat each row means.\n\n" + BenchReport.BEGIN + "\n\nan older table\n\n" + BenchReport.END
                + "\n\n## Older figures\n\nkept as written\n";

        String updated = REPORT.into(document);

        assertThat(updated).startsWith("# Benchmarks\n\nWhat each row means.\n\n" + BenchReport.BEGIN + "\n\nRun 2026-11-26")
                .endsWith("- A note.\n\n" + BenchReport.END + "\n\n## Older figures\n\nkept as written\n")
                .doesNotContain("an older table");
        assertThat(REPORT.into(updated)).isEqualTo(updated);
    }

    @Test
    void appendsItsPartToADocumentWithoutMarkers() {
        String updated = REPORT.into("# Benchmarks\n\nprose\n\n");

        assertThat(updated).startsWith("# Benchmarks\n\nprose\n\n" + BenchReport.BEGIN + "\n\n").endsWith(BenchReport.END + "\n");
    }

    @Test
    void writesAFileThatDoesNotExistYet(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("benchmarks.md");

        REPORT.writeInto(file);

        assertThat(Files.readString(file)).startsWith(BenchReport.BEGIN).contains("| gateway / direct throughput | 0.45 |");
    }
}
