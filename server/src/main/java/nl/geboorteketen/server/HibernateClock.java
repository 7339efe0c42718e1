package nl.geboorteketen.server;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Times Hibernate's part of the Spring context: building the entity manager factory (entity
 * metadata, bytecode enhancement, schema check or update), from just before its initialisation to
 * just after. The start-up log line reports it apart from the rest of the context.
 */
final class HibernateClock implements BeanPostProcessor {

  private final AtomicLong began = new AtomicLong();
  private final AtomicLong took = new AtomicLong();

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) {
    if (bean instanceof AbstractEntityManagerFactoryBean) {
      began.set(System.currentTimeMillis());
    }
    return bean;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof AbstractEntityManagerFactoryBean && began.get() > 0) {
      took.addAndGet(System.currentTimeMillis() - began.get());
    }
    return bean;
  }

  /** Milliseconds Hibernate took to build, 0 until it has. */
  long millis() {
    return took.get();
  }
}
