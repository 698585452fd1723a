package org.visaport.identity.membership;

import java.time.LocalDate;

/** What an applicant declares about their diplomatic posting; verified by moderators. */
public record Credentials(String countryCode, String mission, String position, String accreditationNumber,
                          String postingCity, LocalDate postingEndsOn) {

    public Credentials withPosting(String city, LocalDate endsOn) {
        return new Credentials(countryCode, mission, position, accreditationNumber, city, endsOn);
    }
}
