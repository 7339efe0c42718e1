package nl.geboorteketen.server;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Builds Hibernate's entity manager factory (entity metadata, bytecode enhancement, schema check or
 * update) on a thread of its own while Spring goes on creating the beans that do not need it yet:
 * Spring's background bootstrap, given to the factory bean before its initialisation. A bean that
 * uses the factory before it is built waits for it. Times both the build and the context's waits,
 * which the start-up log line reports.
 */
final class HibernateAlongside implements BeanPostProcessor, AsyncTaskExecutor {

  private final AtomicLong builtMillis = new AtomicLong();
  private final AtomicLong waitedNanos = new AtomicLong();

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) {
    if (bean instanceof AbstractEntityManagerFactoryBean factory) {
      factory.setBootstrapExecutor(this);
    }
    return bean;
  }

  @Override
  public void execute(Runnable task) {
    Thread thread = new Thread(task, "gk-hibernate");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public <T> Future<T> submit(Callable<T> build) {
    FutureTask<T> task = new FutureTask<>(() -> {
      long began = System.nanoTime();
      try {
        return build.call();
      } finally {
        builtMillis.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
      }
    });
    execute(task);
    return new Waited<>(task);
  }

  /** Milliseconds Hibernate took to build, 0 until it has. */
  long builtMillis() {
    return builtMillis.get();
  }

  /** Milliseconds the threads that needed the factory spent waiting for it. */
  long waitedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(waitedNanos.get());
  }

  /** The build's future, counting the time a caller blocks on it. */
  private final class Waited<T> implements Future<T> {

    private final FutureTask<T> task;

    Waited(FutureTask<T> task) {
      this.task = task;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
      long began = System.nanoTime();
      try {
        return task.get();
      } finally {
        waitedNanos.addAndGet(System.nanoTime() - began);
      }
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
      long began = System.nanoTime();
      try {
        return task.get(timeout, unit);
      } finally {
        waitedNanos.addAndGet(System.nanoTime() - began);
      }
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
      return task.cancel(mayInterrupt);
    }

    @Override
    public boolean isCancelled() {
      return task.isCancelled();
    }

    @Override
    public boolean isDone() {
      return task.isDone();
    }
  }
}
