package org.visaport.identity.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.identity.web.Cursor;
import org.visaport.identity.web.Page;

/** Read-only: the audit trail has no write endpoint at all. */
@RestController
@RequestMapping("/api/admin/identity/audit")
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Membership decisions, oldest first, optionally for one member", security = @SecurityRequirement(name = "bearer"))
    Page<AuditEntry> list(@RequestParam(required = false) @Size(max = 64) String memberId,
                          @RequestParam(required = false) @Size(max = 200) String cursor,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return Page.of(auditLog.page(memberId, Cursor.decode(cursor), limit), limit,
                entry -> new Cursor(entry.at(), entry.id()), entry -> entry);
    }
}
