package org.visaport.identity.posting;

import java.time.LocalDate;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStatus;

/** What the posting expiry job does about one membership on a given day. */
public enum PostingStep {
    /** The posting ends within the reminder period and its member has not been reminded of this end date. */
    REMIND,
    /** The posting has ended: the {@code member} role lapses. */
    LAPSE,
    NOTHING;

    /**
     * @param today        the job's day (UTC); a posting ending today is still running
     * @param remindBefore days before the end that the reminder goes out
     */
    public static PostingStep decide(Membership m, LocalDate today, long remindBefore) {
        LocalDate endsOn = m.credentials() == null ? null : m.credentials().postingEndsOn();
        if (m.status() != MembershipStatus.ACTIVE || endsOn == null) {
            return NOTHING;
        }
        if (endsOn.isBefore(today)) {
            return LAPSE;
        }
        if (!endsOn.isAfter(today.plusDays(remindBefore)) && !endsOn.equals(m.postingReminderSentFor())) {
            return REMIND;
        }
        return NOTHING;
    }
}
