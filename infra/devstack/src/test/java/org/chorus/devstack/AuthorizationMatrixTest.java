package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chorus.devstack.CoordinatorEndpoints.Call;
import org.chorus.devstack.CoordinatorEndpoints.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coalition behind statement B must be able to trust that nobody else reads or changes it. Every coordinator
 * endpoint of the four services — found in their request mappings, not listed by hand, so a new endpoint joins the
 * matrix by itself — is called about statement B and B's signature, comment, translation, release, and B's owner's
 * token and account, by three people: a coordinator of another statement A, a viewer of B, and nobody at all. Each
 * request is one a user with the right role would have had accepted (a valid body, a valid form with a CSRF token),
 * so the refusal proves authorization rather than validation. Afterwards B looks exactly as it did to its owner.
 */
class AuthorizationMatrixTest {

    /** Endpoints any coordinator may use, about no one statement: their own account, new statements, the press book. */
    private static final Set<String> ORGANISATION_WIDE = Set.of(
            "statements GET /api/me",
            "statements GET /api/tokens",
            "statements POST /api/tokens",
            "statements POST /api/sessions",
            "statements POST /api/sessions/passkey",
            "statements DELETE /api/sessions/current",
            "statements POST /api/statements",
            "statements POST /api/statements/from-text",
            "statements GET /console",
            "statements GET /console/account",
            "statements POST /console/account/tokens",
            "statements POST /api/coalitions",
            "statements GET /api/me/invitations",
            "distribution POST /api/contact-lists");

    /**
     * What B's coalition owns beside B itself: its press list with contacts, segments and imports, and who is in it. A
     * coordinator of another coalition, and B's viewer (who is not in B's coalition), get 404 as for nothing at all.
     */
    private static final Set<String> COALITION = Set.of(
            "statements GET /api/coalitions/{id}/members",
            "statements POST /api/coalitions/{id}/members",
            "statements GET /api/coalitions/{id}/invitations",
            "statements POST /api/coalitions/{id}/invitation/{action:accept|decline}",
            "statements DELETE /api/coalitions/{id}/members/me",
            "distribution POST /api/contact-lists/{id}/imports",
            "distribution GET /api/contact-lists/{id}",
            "distribution POST /api/contact-lists/{id}/contacts",
            "distribution DELETE /api/contact-lists/{id}/contacts/{contactId}",
            "distribution GET /api/contact-lists/{id}/contacts.csv",
            "distribution POST /api/contact-lists/{id}/segments",
            "distribution GET /api/contact-lists/{id}/segments",
            "distribution GET /api/contact-lists/{id}/segments/{segmentId}/contacts");

    /** Lists that span statements: a coordinator sees only the statements they have a role on. */
    private static final Set<String> LISTS = Set.of(
            "statements GET /api/statements",
            "statements GET /api/coalitions",
            "tracking GET /api/statements",
            "tracking GET /console/statements",
            "distribution GET /api/releases",
            "distribution GET /api/contact-lists");

    /** Only administrators: a coordinator of another statement is not one. */
    private static final Set<String> ADMINISTRATORS_ONLY = Set.of(
            "statements POST /api/coordinators",
            "statements PUT /api/coordinators/{id}/admin",
            "statements POST /console/account/coordinators",
            "distribution PUT /api/admin/contact-lists/{id}/coalition",
            "tracking POST /api/admin/rebuild");

    private static StatementB b;
    private static Caller nobody;

    @BeforeAll
    static void statementBWithEverythingAStatementCanHave() {
        b = StatementB.get();
        nobody = Caller.anonymous();
    }

    @Test
    void aCoordinatorOfAnotherStatementCanNeitherReadNorChangeAnythingOfStatementB() {
        String before = b.whatTheOwnerSees();
        List<String> failures = new ArrayList<>();

        for (Endpoint endpoint : CoordinatorEndpoints.all()) {
            String kind = kind(endpoint);
            if (kind.equals("organisation")) {
                continue;
            }
            for (Call call : CoordinatorEndpoints.calls(endpoint)) {
                var answer = b.otherCoordinator.call(call);
                switch (kind) {
                    case "list" -> {
                        if (answer.status() != 200
                                || answer.body().contains(b.id.toString())
                                || answer.body().contains(b.title)) {
                            failures.add(call + " listed B or failed: " + answer.status());
                        }
                    }
                    case "admin" -> expect(failures, call, answer, Set.of(403));
                    case "coalition" -> expect(failures, call, answer, Set.of(404));
                    default -> expect(failures, call, answer, Set.of(403, 404));
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(b.whatTheOwnerSees()).isEqualTo(before);
    }

    @Test
    void aCoordinatorOfAnotherCoalitionCannotSeeOrChangeOurPressList() {
        String before = b.whatTheOwnerSees();
        List<String> failures = new ArrayList<>();

        for (Endpoint endpoint : CoordinatorEndpoints.all()) {
            if (!kind(endpoint).equals("coalition")) {
                continue;
            }
            for (Call call : CoordinatorEndpoints.calls(endpoint)) {
                expect(failures, call, b.otherCoordinator.call(call), Set.of(404));
                expect(failures, call, b.viewer.call(call), Set.of(404));
            }
        }

        assertThat(failures).isEmpty();
        assertThat(b.whatTheOwnerSees()).isEqualTo(before);
    }

    @Test
    void aViewerOfStatementBReadsEverythingButChangesNothing() {
        String before = b.whatTheOwnerSees();
        List<String> failures = new ArrayList<>();

        for (Endpoint endpoint : CoordinatorEndpoints.all()) {
            if (!kind(endpoint).equals("statement")) {
                continue;
            }
            for (Call call : CoordinatorEndpoints.calls(endpoint)) {
                if (call.path().endsWith("/live")) {
                    continue; // a server-sent event stream never ends for someone allowed to read it
                }
                var answer = b.viewer.call(call);
                if (call.method().equals("GET")) {
                    if (answer.status() != 200) {
                        failures.add(call + " was not readable: " + answer.status() + " " + answer.body());
                    }
                } else {
                    expect(failures, call, answer, Set.of(403, 404));
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(b.whatTheOwnerSees()).isEqualTo(before);
    }

    @Test
    void nobodySignedInGetsNothingButTheWayToSignIn() {
        String before = b.whatTheOwnerSees();
        List<String> failures = new ArrayList<>();

        for (Endpoint endpoint : CoordinatorEndpoints.all()) {
            if (endpoint.key().equals("statements POST /api/tokens")
                    || endpoint.key().equals("statements POST /api/sessions")) {
                continue; // where a coordinator obtains a token, or the console signs one in
            }
            for (Call call : CoordinatorEndpoints.calls(endpoint)) {
                var answer = nobody.call(call);
                boolean toSignIn = answer.status() == 302 && answer.location().contains("/console/login");
                boolean refused = answer.status() == 401 || answer.status() == 403;
                if (!toSignIn && !refused) {
                    failures.add(call + " answered " + answer.status() + " to nobody");
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(b.whatTheOwnerSees()).isEqualTo(before);
    }

    @Test
    void everyCoordinatorEndpointIsInTheMatrix() {
        List<Endpoint> endpoints = CoordinatorEndpoints.all();

        assertThat(endpoints.stream().map(Endpoint::key).collect(Collectors.toSet()))
                .as("every endpoint named as shared, a list or for administrators still exists")
                .containsAll(ORGANISATION_WIDE)
                .containsAll(COALITION)
                .containsAll(ADMINISTRATORS_ONLY);
        assertThat(endpoints.stream().filter(endpoint -> kind(endpoint).equals("statement")))
                .as("the endpoints about statement B")
                .hasSizeGreaterThan(40);
    }

    private static void expect(List<String> failures, Call call, Caller.Answer answer, Set<Integer> statuses) {
        if (!statuses.contains(answer.status())) {
            failures.add(call + " answered " + answer.status() + " " + abbreviate(answer.body()));
            return;
        }
        boolean api = call.path().startsWith("/api/");
        if (api && !answer.contentType().startsWith("application/problem+json")) {
            failures.add(call + " answered " + answer.contentType() + " instead of problem+json");
        }
        if (!api && !answer.contentType().startsWith("text/html")) {
            failures.add(call + " answered " + answer.contentType() + " instead of a page");
        }
    }

    private static String kind(Endpoint endpoint) {
        if (ORGANISATION_WIDE.contains(endpoint.key())) {
            return "organisation";
        }
        if (COALITION.contains(endpoint.key())) {
            return "coalition";
        }
        if (LISTS.contains(endpoint.key())) {
            return "list";
        }
        if (ADMINISTRATORS_ONLY.contains(endpoint.key())) {
            return "admin";
        }
        return "statement";
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
