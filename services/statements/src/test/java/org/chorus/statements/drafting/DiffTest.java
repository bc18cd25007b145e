package org.chorus.statements.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ChorusServiceTest
class DiffTest {
    private static final XiamenSeed XIAMEN = XiamenSeed.load();

    @LocalServerPort
    int port;

    @Test
    void aDiffOfTwoRevisionsOfTheSeedShowsExactlyTheChangedWords() {
        Api api = Api.owner(port);
        String id = api.draft(XIAMEN.title(), XIAMEN.body());
        String revised = XIAMEN.body()
                .replace("Immediately and unconditionally release", "Immediately release")
                .replace("Rescind the travel bans", "Lift the exit bans");
        assertThat(api.post("/api/statements/" + id + "/revisions", Map.of("title", XIAMEN.title(), "body", revised))
                        .status())
                .isEqualTo(200);

        var diff = api.get("/api/statements/" + id + "/diff?from=1&to=2");
        assertThat(diff.status()).isEqualTo(200);
        List<String> deleted = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (JsonNode token : diff.json().get("tokens")) {
            String op = token.get("op").asString();
            String text = token.get("text").asString();
            switch (op) {
                case "DELETE" -> deleted.add(text);
                case "INSERT" -> inserted.add(text);
                default -> {}
            }
            if (!op.equals("INSERT")) {
                from.append(text);
            }
            if (!op.equals("DELETE")) {
                to.append(text);
            }
        }
        assertThat(deleted).containsExactly("and unconditionally ", "Rescind", "travel");
        assertThat(inserted).containsExactly("Lift", "exit");
        assertThat(from.toString()).isEqualTo(XIAMEN.title() + "\n\n" + XIAMEN.body());
        assertThat(to.toString()).isEqualTo(XIAMEN.title() + "\n\n" + revised);

        var missing = api.get("/api/statements/" + id + "/diff?from=1&to=9");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("to");
    }

    @Test
    void wordsAndTheSpacesBetweenThemAreTheUnitsOfADiff() {
        assertThat(WordDiff.between("a b c", "a x c"))
                .containsExactly(
                        new WordDiff.Token(WordDiff.Op.EQUAL, "a "),
                        new WordDiff.Token(WordDiff.Op.DELETE, "b"),
                        new WordDiff.Token(WordDiff.Op.INSERT, "x"),
                        new WordDiff.Token(WordDiff.Op.EQUAL, " c"));
        assertThat(WordDiff.between("same", "same")).containsExactly(new WordDiff.Token(WordDiff.Op.EQUAL, "same"));
    }
}
