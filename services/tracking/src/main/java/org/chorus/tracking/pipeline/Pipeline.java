package org.chorus.tracking.pipeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The invitee pipeline of a statement, in total, per wave and per organisation. */
@Service
public class Pipeline {
    private final PipelineRepository repository;

    Pipeline(PipelineRepository repository) {
        this.repository = repository;
    }

    /**
     * How many invitees reached each step (a later step implies the earlier ones: an opened link was delivered), and
     * how they ended: signed, declined, unsubscribed (through the invitation or a reminder), bounced, or no answer
     * yet.
     */
    public record Summary(
            long invited,
            long sent,
            long delivered,
            long opened,
            long signed,
            long declined,
            long bounced,
            long unsubscribed,
            long noAnswer) {

        static Summary of(List<Invitee> invitees) {
            long sent = 0, delivered = 0, opened = 0, signed = 0, declined = 0, bounced = 0, unsubscribed = 0;
            long noAnswer = 0;
            for (Invitee invitee : invitees) {
                Invitee.Stage stage = invitee.stage();
                boolean answered = stage == Invitee.Stage.SIGNED || stage == Invitee.Stage.DECLINED;
                boolean wasOpened = answered || stage == Invitee.Stage.OPENED;
                // an unsubscribe comes from a link in a mail that arrived
                boolean wasDelivered =
                        wasOpened || stage == Invitee.Stage.UNSUBSCRIBED || stage == Invitee.Stage.DELIVERED;
                sent += wasDelivered || invitee.sentAt() != null || invitee.bouncedAt() != null ? 1 : 0;
                delivered += wasDelivered ? 1 : 0;
                opened += wasOpened ? 1 : 0;
                signed += stage == Invitee.Stage.SIGNED ? 1 : 0;
                declined += stage == Invitee.Stage.DECLINED ? 1 : 0;
                bounced += stage == Invitee.Stage.BOUNCED ? 1 : 0;
                unsubscribed += stage == Invitee.Stage.UNSUBSCRIBED ? 1 : 0;
                noAnswer += invitee.settled() ? 0 : 1;
            }
            return new Summary(
                    invitees.size(), sent, delivered, opened, signed, declined, bounced, unsubscribed, noAnswer);
        }
    }

    /** One line per invited organisation. */
    public record Line(
            UUID invitationId,
            Integer wave,
            String organisation,
            String country,
            String language,
            Invitee.Stage stage) {}

    public record View(UUID statementId, Summary total, Map<String, Summary> byWave, List<Line> invitees) {}

    @Transactional(readOnly = true)
    public View of(UUID statementId) {
        List<Invitee> invitees = repository.invitees(statementId);
        Map<String, Summary> byWave = new TreeMap<>();
        invitees.stream()
                .collect(Collectors.groupingBy(invitee ->
                        invitee.wave() == null ? "none" : invitee.wave().toString()))
                .forEach((wave, group) -> byWave.put(wave, Summary.of(group)));
        List<Line> lines = invitees.stream()
                .map(invitee -> new Line(
                        invitee.invitationId(),
                        invitee.wave(),
                        invitee.organisation(),
                        invitee.country(),
                        invitee.language(),
                        invitee.stage()))
                .toList();
        return new View(statementId, Summary.of(invitees), byWave, lines);
    }

    @Transactional(readOnly = true)
    public List<Invitee> invitees(UUID statementId) {
        return repository.invitees(statementId);
    }

    @Transactional(readOnly = true)
    public List<UUID> statementsAwaitingAnswers() {
        return repository.statementsAwaitingAnswers();
    }
}
