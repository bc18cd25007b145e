package org.chorus.signatures.signatories;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.chorus.platform.text.SignatoryLines;
import org.chorus.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Coordinator: import a printed signatory block, export the public list. */
@RestController
class SignatoriesApi {
    private final Signatories signatories;

    SignatoriesApi(Signatories signatories) {
        this.signatories = signatories;
    }

    /**
     * The body is the block as plain text. {@code preview=true} only shows how each line was read; otherwise the
     * entries are stored, or, if any line could not be read, nothing is and the answer is 400 with every line. For a
     * statement still in draft the entries wait for it to open (202, {@code waiting}).
     */
    @PostMapping(path = "/api/statements/{statementId}/imports", consumes = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<Signatories.ImportResult> importBlock(
            @PathVariable UUID statementId,
            @RequestParam(defaultValue = "false") boolean preview,
            @RequestBody(required = false) String block) {
        Signatories.ImportResult result = signatories.importBlock(statementId, block, preview);
        boolean readable = result.lines().stream().allMatch(SignatoryLines.Line::ok);
        if (!preview && !readable) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "Some lines could not be read; nothing was imported");
            problem.setProperty(
                    "errors",
                    result.lines().stream()
                            .filter(line -> !line.ok())
                            .map(line -> Map.of(
                                    "line",
                                    line.line(),
                                    "text",
                                    line.text(),
                                    "message",
                                    line.error(),
                                    "code",
                                    line.code()))
                            .toList());
            problem.setProperty("code", "signatories.unreadableLines");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return result.waiting() > 0 ? ResponseEntity.accepted().body(result) : ResponseEntity.ok(result);
    }

    /** How many imported entries wait for the statement to open. */
    @GetMapping("/api/statements/{statementId}/imports")
    Map<String, Integer> waiting(@PathVariable UUID statementId) {
        return Map.of("waiting", signatories.waiting(statementId));
    }

    @GetMapping("/api/statements/{statementId}/signatories.txt")
    ResponseEntity<String> text(@PathVariable UUID statementId, @RequestParam(defaultValue = "time") String order) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(signatories.text(
                        signatories.publicList(statementId, order(order)), signatories.notNamed(statementId)));
    }

    @GetMapping("/api/statements/{statementId}/signatories.csv")
    ResponseEntity<String> csv(@PathVariable UUID statementId, @RequestParam(defaultValue = "time") String order) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"signatories.csv\"")
                .body(signatories.csv(signatories.publicList(statementId, order(order))));
    }

    /** {@code lang}: one of the six languages for the heading, notes and country names; else the statement's. */
    @GetMapping("/api/statements/{statementId}/signatories.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable UUID statementId,
            @RequestParam(defaultValue = "time") String order,
            @RequestParam(required = false) String lang) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"signatories.pdf\"")
                .body(signatories.pdf(statementId, signatories.publicList(statementId, order(order)), lang));
    }

    private static Signatories.Order order(String order) {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "time" -> Signatories.Order.TIME;
            case "alphabetical" -> Signatories.Order.ALPHABETICAL;
            default -> throw Problems.badRequest("order must be \"time\" or \"alphabetical\"");
        };
    }
}
