package org.pledgepad.server.bench;

/**
 * Profiles the open alone, not the JVM start and warm-up around it: PROFILE_OPEN holds
 * async-profiler's start options (e.g. {@code event=cpu,interval=1ms,threads}) and PROFILE_FILE
 * the output ({@code .collapsed} or {@code .html}; {@code %r} becomes the round). The profiler's
 * Java API ({@code one.profiler.AsyncProfiler}) must be on the class path and ASYNC_PROFILER_LIB
 * name its library; it is called reflectively so that the bench builds without it. Bench only.
 */
final class OpenProfiler {
  private static final OpenProfiler NONE = new OpenProfiler(null, null);

  private final Object profiler;
  private final String file;

  private OpenProfiler(Object profiler, String file) {
    this.profiler = profiler;
    this.file = file;
  }

  static OpenProfiler fromEnv() throws Exception {
    String options = System.getenv("PROFILE_OPEN");
    if (options == null || options.isEmpty()) {
      return NONE;
    }
    Object p = Class.forName("one.profiler.AsyncProfiler")
        .getMethod("getInstance", String.class).invoke(null, System.getenv("ASYNC_PROFILER_LIB"));
    execute(p, "start," + options);
    return new OpenProfiler(p, System.getenv().getOrDefault("PROFILE_FILE", "/tmp/open-%r.collapsed"));
  }

  void stop(int round) throws Exception {
    if (profiler != null) {
      String out = file.replace("%r", Integer.toString(round));
      execute(profiler, "stop," + (out.endsWith(".html") ? "flamegraph" : "collapsed") + ",file=" + out);
    }
  }

  private static void execute(Object profiler, String command) throws Exception {
    profiler.getClass().getMethod("execute", String.class).invoke(profiler, command);
  }
}
