package org.memoscope.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LatestJobRunnerTest {

    /** Delivery executor that queues calls, so a test decides when "the FX thread" runs them. */
    private static final class QueuedDelivery implements Executor {
        final LinkedBlockingQueue<Runnable> calls = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable call) {
            calls.add(call);
        }

        void drainFor(long millis) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < end) {
                Runnable call = calls.poll(10, TimeUnit.MILLISECONDS);
                if (call != null) {
                    call.run();
                }
            }
        }
    }

    private static final class Recorder implements JobListener<String> {
        final List<String> results = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public void succeeded(String result) {
            results.add(result);
        }

        @Override
        public void failed(Throwable error) {
            errors.add(error);
        }
    }

    @Test
    void newerSubmissionCancelsTheRunningJobAndOnlyItsResultArrives() throws Exception {
        QueuedDelivery delivery = new QueuedDelivery();
        Recorder recorder = new Recorder();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstSawCancel = new CountDownLatch(1);
        try (LatestJobRunner<String> runner = new LatestJobRunner<>("test", delivery)) {
            runner.submit(context -> {
                firstStarted.countDown();
                while (!context.isCancelled()) {
                    Thread.onSpinWait();
                }
                firstSawCancel.countDown();
                return "first";
            }, recorder);
            assertTrue(firstStarted.await(5, TimeUnit.SECONDS));

            runner.submit(context -> "second", recorder);

            assertTrue(firstSawCancel.await(5, TimeUnit.SECONDS), "the first job saw its cancel");
            delivery.drainFor(300);
        }
        assertEquals(List.of("second"), recorder.results);
        assertEquals(List.of(), recorder.errors);
    }

    @Test
    void resultFinishedBeforeASupersedingSubmissionIsNotDelivered() throws Exception {
        QueuedDelivery delivery = new QueuedDelivery();
        Recorder recorder = new Recorder();
        try (LatestJobRunner<String> runner = new LatestJobRunner<>("test", delivery)) {
            CountDownLatch done = new CountDownLatch(1);
            runner.submit(context -> {
                done.countDown();
                return "stale";
            }, recorder);
            assertTrue(done.await(5, TimeUnit.SECONDS));
            Thread.sleep(50);

            // The stale result is queued for delivery but a newer request arrives first.
            CountDownLatch hold = new CountDownLatch(1);
            runner.submit(context -> {
                while (hold.getCount() > 0) {
                    Thread.onSpinWait();
                }
                return "fresh";
            }, recorder);
            delivery.drainFor(100);
            assertEquals(List.of(), recorder.results, "stale result was delivered");

            hold.countDown();
            delivery.drainFor(300);
        }
        assertEquals(List.of("fresh"), recorder.results);
    }

    @Test
    void failureIsReportedAndCancellationIsSilent() throws Exception {
        QueuedDelivery delivery = new QueuedDelivery();
        Recorder recorder = new Recorder();
        try (LatestJobRunner<String> runner = new LatestJobRunner<>("test", delivery)) {
            runner.submit(context -> {
                throw new IllegalStateException("boom");
            }, recorder);
            delivery.drainFor(300);
            runner.submit(context -> {
                throw new JobCancelledException();
            }, recorder);
            delivery.drainFor(300);
        }
        assertEquals(1, recorder.errors.size());
        assertEquals("boom", recorder.errors.get(0).getMessage());
        assertEquals(List.of(), recorder.results);
    }
}
