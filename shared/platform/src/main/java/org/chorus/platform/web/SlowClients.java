package org.chorus.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A slow client cannot keep others waiting. A request's body is read whole, within {@code chorus.web.body-deadline}
 * (10 s by default; past it the request is answered 408 and, with {@code server.tomcat.max-swallow-size: 0}, its
 * connection closed), before the request takes one of the {@code chorus.web.concurrent-requests} places for work (0,
 * the default, means no bound; signatures bounds it instead of Tomcat's thread pool). So a client sending a byte now
 * and then holds only a cheap reading thread for a bounded time, never a place where requests are served.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SlowClients extends OncePerRequestFilter {
    /** Bodies beyond this are not held in memory: they are read as they come, still under the deadline. */
    private static final int BUFFERED_AT_MOST = 256 * 1024;

    private final long deadlineNanos;
    private final Semaphore places;

    public SlowClients(Environment environment) {
        this.deadlineNanos = environment
                .getProperty("chorus.web.body-deadline", Duration.class, Duration.ofSeconds(10))
                .toNanos();
        int concurrent = environment.getProperty("chorus.web.concurrent-requests", Integer.class, 0);
        this.places = concurrent > 0 ? new Semaphore(concurrent, true) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest read = request;
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > 0 && length <= BUFFERED_AT_MOST || chunked) {
            byte[] body = readWithin(request);
            if (body == null) {
                response.setHeader("Connection", "close");
                response.sendError(HttpServletResponse.SC_REQUEST_TIMEOUT, "The request body came too slowly.");
                return;
            }
            read = new ReadBody(request, body);
        } else if (length > BUFFERED_AT_MOST) {
            read = new DeadlineBody(request, System.nanoTime() + deadlineNanos);
        }
        if (places == null) {
            chain.doFilter(read, response);
            return;
        }
        try {
            places.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException(e);
        }
        try {
            chain.doFilter(read, response);
        } finally {
            places.release();
        }
    }

    /** The whole body, or null when it did not arrive within the deadline (or grew past what is held in memory). */
    private byte[] readWithin(HttpServletRequest request) throws IOException {
        long deadline = System.nanoTime() + deadlineNanos;
        ServletInputStream in = request.getInputStream();
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(Math.max(64, (int) Math.min(8192, request.getContentLengthLong())));
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (System.nanoTime() - deadline > 0 || out.size() > BUFFERED_AT_MOST) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** A request whose body was read already: its stream, reader and form parameters come from those bytes. */
    static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private Map<String, String[]> parameters;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        /** The query's parameters (the container's: it no longer reads the body), then the form body's. */
        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, List<String>> merged = new LinkedHashMap<>();
                super.getParameterMap()
                        .forEach((name, values) -> merged.computeIfAbsent(name, k -> new ArrayList<>())
                                .addAll(List.of(values)));
                if (isForm()) {
                    Charset charset = charset();
                    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                        if (pair.isEmpty()) {
                            continue;
                        }
                        int equals = pair.indexOf('=');
                        String name = equals < 0 ? pair : pair.substring(0, equals);
                        String value = equals < 0 ? "" : pair.substring(equals + 1);
                        try {
                            merged.computeIfAbsent(URLDecoder.decode(name, charset), k -> new ArrayList<>())
                                    .add(URLDecoder.decode(value, charset));
                        } catch (IllegalArgumentException malformed) {
                            // as the container does: a malformed pair is skipped
                        }
                    }
                }
                Map<String, String[]> map = new LinkedHashMap<>();
                merged.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(map);
            }
            return parameters;
        }

        private boolean isForm() {
            String type = getContentType();
            return type != null
                    && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                    && "POST".equalsIgnoreCase(getMethod());
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
    }

    /** A large body read as it comes, refused with an IOException once the deadline has passed. */
    static final class DeadlineBody extends HttpServletRequestWrapper {
        private final long deadline;

        DeadlineBody(HttpServletRequest request, long deadline) {
            super(request);
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    check();
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    check();
                    return in.read(b, off, len);
                }

                private void check() throws IOException {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IOException("the request body came too slowly");
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
