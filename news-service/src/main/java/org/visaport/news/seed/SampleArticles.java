package org.visaport.news.seed;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.visaport.news.article.ArticleContent;
import org.visaport.news.article.ArticleRepository;
import org.visaport.news.article.ArticleService;
import org.visaport.news.article.Author;
import org.visaport.news.article.Dateline;
import org.visaport.news.article.Slugs;

/** Sample briefings for the local stack, so a person who starts it sees real content. Never in other profiles. */
@Component
@Profile("local")
class SampleArticles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleArticles.class);
    private static final Author DESK = new Author("visaport-desk", "VisaPort Desk");

    private final ArticleService service;
    private final ArticleRepository articles;

    SampleArticles(ArticleService service, ArticleRepository articles) {
        this.service = service;
        this.articles = articles;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ArticleContent sample : List.of(bilateralChannels(), calmDown())) {
            if (!articles.existsBySlug(Slugs.fromTitle(sample.title()))) {
                var draft = service.createDraft(ArticleService.newId(), sample, DESK, null);
                service.publishNow(draft.getId(), draft.getVersion());
                log.info("Loaded sample article {}", draft.getSlug());
            }
        }
    }

    private static ArticleContent bilateralChannels() {
        return new ArticleContent(
                "US. State department suspends bilateral channels with Russia over Syria",
                "Obama administration abandons efforts to cooperate with Russia on ending the Syrian civil war",
                """
                The State Department said on Monday that it was suspending its participation in the bilateral \
                channels it had set up with Russia to sustain a cessation of hostilities in Syria. Officials in \
                Washington accused Moscow of failing to honour its commitments under the September arrangement, \
                including restraining the Syrian government's air campaign over eastern Aleppo.

                The decision ends weeks of negotiation that had produced a short-lived truce and a plan for joint \
                targeting of extremist groups. American personnel who had been assigned to a planned joint \
                implementation centre are being withdrawn, the department said, although the military \
                deconfliction channel that keeps the two air forces apart over Syria remains open.

                Russian officials described the move as regrettable and said Washington bore responsibility for \
                the collapse of the truce. Diplomats in Geneva expect the multilateral humanitarian task forces to \
                continue their work, but concede that without a working channel between the two capitals, \
                prospects for a negotiated end to the war have receded further.
                """,
                new Dateline("Washington, D.C., United States of America", LocalDate.of(2016, 10, 3)),
                List.of("russia", "syria", "united-states", "ceasefire"), List.of("middle-east", "north-america", "europe"),
                List.of("US", "RU", "SY"), "en", "VisaPort Desk, from State Department and Russian Foreign Ministry statements");
    }

    private static ArticleContent calmDown() {
        return new ArticleContent(
                "Both sides must calm down",
                "Sanctions and counter-sanctions are pushing Washington and Moscow towards a crisis neither wants",
                """
                Each new round of sanctions has been answered in kind, and each answer has narrowed the room \
                for diplomacy. What began as targeted measures against individuals has widened into restrictions \
                on banking, energy and technology, and the list of channels still open between the two \
                governments grows shorter every month.

                The danger is not only economic. With arms control agreements expiring or suspended, the \
                habits of regular consultation between military staffs have withered. A misread exercise or an \
                accident at sea could escalate faster than either capital can manage, precisely because the \
                people who once talked such incidents down no longer meet.

                Both sides should take modest, verifiable steps: restore embassy staffing to working levels, \
                resume expert talks on strategic stability, and agree that humanitarian exemptions in sanctions \
                regimes are applied in practice and not only on paper. None of this requires either government \
                to concede its position. It requires only that both recognise the cost of a crisis that no one \
                is trying to start.
                """,
                new Dateline("Geneva, Switzerland", LocalDate.of(2016, 10, 10)),
                List.of("sanctions", "nuclear-arms-control", "russia", "united-states", "opinion"),
                List.of("europe", "north-america"), List.of("US", "RU"), "en", "VisaPort opinion");
    }
}
