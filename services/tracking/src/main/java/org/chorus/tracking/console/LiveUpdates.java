package org.chorus.tracking.console;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Dashboards open on a statement, as server-sent event streams. When a change to the statement commits (on any
 * tracking instance: {@link ChangeNotifications}), each stream receives the re-rendered live part of the page, on one
 * sender thread so that a slow browser never holds up anything else. Changes to one statement that come while an
 * update of it waits are sent once. A stream lasts only while its caller may still read the statement: that is checked
 * before each update and every {@link #RECHECK} (through the gate's cache), so a revoked token or a role taken away
 * ends the stream within about 15 s, and the browser's reconnection is refused at the gate.
 */
@Component
class LiveUpdates implements ChangeNotifications.Dashboards {
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);
    static final Duration RECHECK = Duration.ofSeconds(5);

    /** An open dashboard, the language it is shown in, and whether its caller may still read it. */
    private record Stream(SseEmitter emitter, Locale locale, BooleanSupplier allowed) {}

    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final Set<UUID> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tracking-live-updates");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tracking-live-access");
        thread.setDaemon(true);
        return thread;
    });
    private final DashboardRenderer renderer;

    LiveUpdates(DashboardRenderer renderer) {
        this.renderer = renderer;
        checker.scheduleWithFixedDelay(this::endRefused, RECHECK.toMillis(), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe(UUID statementId, Locale locale, BooleanSupplier allowed) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Stream stream = new Stream(emitter, locale, allowed);
        Set<Stream> forStatement = streams.computeIfAbsent(statementId, id -> new CopyOnWriteArraySet<>());
        forStatement.add(stream);
        Runnable remove = () -> forStatement.remove(stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        sender.execute(() -> send(statementId, Set.of(stream)));
        return emitter;
    }

    @Override
    public void changed(UUID statementId) {
        if (streams.containsKey(statementId) && waiting.add(statementId)) {
            sender.execute(() -> {
                waiting.remove(statementId);
                send(statementId, streams.getOrDefault(statementId, Set.of()));
            });
        }
    }

    @Override
    public void changedAll() {
        streams.keySet().forEach(this::changed);
    }

    /** Ends the streams whose caller may no longer read their statement (revoked token, role taken away). */
    private void endRefused() {
        streams.values()
                .forEach(forStatement -> forStatement.forEach(stream -> {
                    if (!stillAllowed(stream)) {
                        forStatement.remove(stream);
                        stream.emitter().complete();
                    }
                }));
    }

    private static boolean stillAllowed(Stream stream) {
        try {
            return stream.allowed().getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Renders the live part once per language shown, and sends it to each stream whose caller may still read it. */
    private void send(UUID statementId, Set<Stream> targets) {
        Map<Locale, String> rendered = new HashMap<>();
        for (Stream stream : targets) {
            if (!stillAllowed(stream)) {
                stream.emitter().complete();
                continue;
            }
            String html = rendered.computeIfAbsent(
                    stream.locale(),
                    locale -> renderer.live(statementId, locale)
                            .replace('\n', ' ')
                            .replace('\r', ' '));
            try {
                stream.emitter().send(SseEmitter.event().name("live").data(html));
            } catch (IOException | IllegalStateException e) {
                stream.emitter().completeWithError(e);
            }
        }
    }

    /** Ends the open streams before the web server's graceful shutdown would wait for them; browsers reconnect. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        streams.values()
                .forEach(forStatement ->
                        forStatement.forEach(stream -> stream.emitter().complete()));
        streams.clear();
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
        sender.shutdownNow();
    }
}
