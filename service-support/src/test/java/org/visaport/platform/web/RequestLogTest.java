package org.visaport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest {

    @Test
    void logsMethodPathAndStatusButNeverTheQuery(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/notifications/unsubscribe");
        request.setQueryString("token=secret-token-value");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(204);

        new RequestLog().doFilter(request, response, new MockFilterChain());

        assertThat(output).contains("POST /api/notifications/unsubscribe 204").doesNotContain("secret-token-value");
    }

    @Test
    void probesAndScrapesAreNotLogged(CapturedOutput output) throws Exception {
        new RequestLog().doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"),
                new MockHttpServletResponse(), new MockFilterChain());

        assertThat(output).doesNotContain("/actuator/health/readiness");
    }
}
