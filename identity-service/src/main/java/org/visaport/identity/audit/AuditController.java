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
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;

/** Read-only: the audit trail has no write endpoint at all. */
@RestController
@RequestMapping("/api/admin/identity/audit")
class AuditController {

    private final AuditLog auditLog;
    private final Cursors cursors;

    AuditController(AuditLog auditLog, Cursors cursors) {
        this.auditLog = auditLog;
        this.cursors = cursors;
    }

    @GetMapping
    @PreAuthorize("hasRole('admin') and @staffStanding.administers(authentication)")
    @Operation(summary = "Membership decisions, oldest first, optionally for one member", security = @SecurityRequirement(name = "bearer"))
    Page<AuditEntryView> list(@RequestParam(required = false) @Size(max = 64) String memberId,
                              @RequestParam(required = false) @Size(max = 200) String cursor,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        // A cursor belongs to the list it came from: one member's trail, or the whole trail.
        String scope = "audit:" + (memberId == null ? "*" : "member=" + memberId);
        return cursors.page(scope, auditLog.page(memberId, cursors.afterPosition(scope, cursor), limit), limit,
                entry -> new KeysetPosition(entry.at(), entry.id()), AuditEntryView::of);
    }
}
