package org.visaport.identity.application;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.platform.validation.IdempotencyKey;

/** The public door for applicants (no token needed; see visaport.security.public-paths). */
@RestController
@RequestMapping("/api/identity/applications")
class ApplicationController {

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Apply for membership; the same answer whether or not the e-mail address is known")
    ApplicationReceipt apply(@Valid @RequestBody ApplicationRequest request,
                             @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
                             HttpServletRequest http) {
        // The address is the gateway's X-Forwarded-For as resolved by the server's trusted-proxy rules.
        return applications.apply(request, idempotencyKey, http.getRemoteAddr());
    }
}
