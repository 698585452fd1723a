package org.visaport.platform.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.platform.validation.Constraints;
import org.visaport.platform.validation.IdempotencyKey;

class ProblemDetailsAdviceTest {

    record Note(@NotBlank String text) {
    }

    @RestController
    static class Endpoints {

        private final Validator validator;

        Endpoints(Validator validator) {
            this.validator = validator;
        }

        @PostMapping("/notes")
        String create(@Valid @RequestBody Note note,
                      @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String key) {
            return "ok";
        }

        @GetMapping("/notes")
        String list(@RequestParam(defaultValue = "20") @Max(100) int limit) {
            return "ok";
        }

        @GetMapping("/notes/search")
        String search(@RequestParam(required = false) String text) {
            Constraints.enforce(validator, new Note(text));
            return "ok";
        }

        @GetMapping("/notes/{id}")
        String one(@PathVariable String id) {
            switch (id) {
                case "busy" -> throw Problems.unavailable("Try again later.", Duration.ofSeconds(30));
                case "db" -> throw new DataAccessResourceFailureException("connection refused to 10.0.0.7:27017");
                case "bug" -> throw new IllegalStateException("secret internals: password=hunter2");
                default -> throw Problems.notFound("Note not found", "No note " + id + ".");
            }
        }
    }

    private final MockMvc mvc;

    ProblemDetailsAdviceTest() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcBuilders.standaloneSetup(new Endpoints(validator)).setControllerAdvice(new ProblemDetailsAdvice())
                .setValidator(validator).build();
    }

    @Test
    void anOverlongIdempotencyKeyIsAFieldErrorOnTheHeader() throws Exception {
        mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hello\"}")
                        .header(IdempotencyKey.HEADER, "k".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "validation"))
                .andExpect(jsonPath("$.errors[0].field").value(IdempotencyKey.HEADER));
    }

    @Test
    void bodyAndParameterErrorsAreReportedTogetherFieldByField() throws Exception {
        mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}")
                        .header(IdempotencyKey.HEADER, "bad key"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("text", IdempotencyKey.HEADER)));
        mvc.perform(get("/notes").param("limit", "1000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/notes").param("limit", "many"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void aValueTheControllerValidatedItselfIsAnsweredAsABoundOneWouldBe() throws Exception {
        mvc.perform(get("/notes/search").param("text", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(get("/notes/search").param("text", "found")).andExpect(status().isOk());
    }

    @Test
    void factoryProblemsKeepTheirStatusTypeAndRetryAfter() throws Exception {
        mvc.perform(get("/notes/busy"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "unavailable"));
        mvc.perform(get("/notes/elsewhere"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "not-found"));
    }

    @Test
    void anUnreachableDatabaseIsA503WithoutItsAddress() throws Exception {
        mvc.perform(get("/notes/db"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("10.0.0.7"))));
    }

    @Test
    void anUnforeseenFailureIsA500ProblemThatRevealsNothing() throws Exception {
        mvc.perform(get("/notes/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "internal"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("hunter2"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalStateException"))));
    }

    @Test
    void malformedJsonIsABadRequestProblem() throws Exception {
        mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
