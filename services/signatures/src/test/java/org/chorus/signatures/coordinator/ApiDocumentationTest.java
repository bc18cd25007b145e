package org.chorus.signatures.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The coordinator API is described in OpenAPI; the public pages are not part of it. */
@ChorusServiceTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;

    @Test
    void theJsonApiIsPublishedAsOpenApi() {
        var docs = new Http("http://localhost:" + port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").propertyNames())
                .contains(
                        "/api/statements/{statementId}/signatures",
                        "/api/statements/{statementId}/moderation",
                        "/api/statements/{statementId}/invitations",
                        "/api/statements/{statementId}/imports",
                        "/api/statements/{statementId}/signatories.txt",
                        "/api/statements/{statementId}/reconsent/resolution")
                .noneMatch(path -> path.startsWith("/sign"));
    }
}
