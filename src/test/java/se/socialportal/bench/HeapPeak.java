package se.socialportal.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/** The highest heap use seen, sampled every few milliseconds on a daemon thread while a benchmark runs. */
final class HeapPeak {

  private final AtomicLong peak = new AtomicLong();
  private final Thread sampler;

  private HeapPeak(long intervalMillis) {
    sampler = new Thread(() -> {
      var memory = ManagementFactory.getMemoryMXBean();
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
  }

  static HeapPeak start(long intervalMillis) {
    HeapPeak heap = new HeapPeak(intervalMillis);
    heap.sampler.start();
    return heap;
  }

  /** Forgets what was seen so far (after setting up, before the measured part). */
  void reset() {
    peak.set(0);
  }

  long bytes() {
    return peak.get();
  }

  void stop() {
    sampler.interrupt();
  }
}
