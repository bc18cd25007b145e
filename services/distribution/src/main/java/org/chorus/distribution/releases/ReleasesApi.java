package org.chorus.distribution.releases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/releases")
class ReleasesApi {
    private final Releases releases;

    ReleasesApi(Releases releases) {
        this.releases = releases;
    }

    record NewRelease(@NotNull UUID statementId, @NotNull UUID contactListId) {}

    @PostMapping
    ResponseEntity<Releases.Release> publish(@Valid @RequestBody NewRelease request) {
        Releases.Release release = releases.publish(request.statementId(), request.contactListId());
        return ResponseEntity.created(URI.create("/api/releases/" + release.id()))
                .body(release);
    }

    @GetMapping("/{id}")
    Releases.Progress get(@PathVariable UUID id) {
        return releases.progress(id);
    }
}
