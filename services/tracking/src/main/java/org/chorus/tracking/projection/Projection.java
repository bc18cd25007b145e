package org.chorus.tracking.projection;

import org.chorus.events.Envelope;

/**
 * One read model fed by events. {@link Projections} calls every projection for every event, once per event id, in
 * one transaction; a projection ignores the types it does not keep. The same code applies events live and during a
 * rebuild, where the transaction's search path points at the shadow schema: projections therefore use unqualified
 * table names and event times only, never the wall clock.
 */
public interface Projection {
    void apply(Envelope<?> event);
}
