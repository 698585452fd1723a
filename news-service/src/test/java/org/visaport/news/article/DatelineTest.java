package org.visaport.news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatelineTest {

    @Test
    void readsAsNewsroomsWriteIt() {
        assertThat(new Dateline("Washington, D.C., United States of America", LocalDate.of(2016, 10, 3)).display())
                .isEqualTo("Washington, D.C., United States of America — 3 Oct 2016");
    }
}
