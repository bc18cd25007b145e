package org.chorus.tracking.pipeline;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PipelineApi {
    private final Pipeline pipeline;

    PipelineApi(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The invitee pipeline; a statement without invitations answers with zeros. */
    @GetMapping("/api/statements/{id}/pipeline")
    Pipeline.View pipeline(@PathVariable UUID id) {
        return pipeline.of(id);
    }
}
