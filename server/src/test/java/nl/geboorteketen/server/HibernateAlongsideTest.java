package nl.geboorteketen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** Hibernate built on a thread of its own, and the time the context waits for it. */
class HibernateAlongsideTest {

  @Test
  void theEntityManagerFactoryBeanIsGivenTheThread() {
    HibernateAlongside alongside = new HibernateAlongside();
    LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
    alongside.postProcessBeforeInitialization(factory, "entityManagerFactory");
    assertSame(alongside, factory.getBootstrapExecutor());
  }

  @Test
  void otherBeansAreLeftAlone() {
    HibernateAlongside alongside = new HibernateAlongside();
    Object other = new Object();
    assertSame(other, alongside.postProcessBeforeInitialization(other, "other"));
  }

  @Test
  void buildsElsewhereAndCountsTheBuildAndTheWait() throws Exception {
    HibernateAlongside alongside = new HibernateAlongside();
    Future<String> built = alongside.submit(() -> {
      Thread.sleep(150);
      return Thread.currentThread().getName();
    });
    assertEquals("gk-hibernate", built.get());
    assertTrue(alongside.builtMillis() >= 150, "build " + alongside.builtMillis() + " ms");
    assertTrue(alongside.waitedMillis() >= 100, "waited " + alongside.waitedMillis() + " ms");
  }

  @Test
  void aFactoryAlreadyBuiltCostsNoWait() throws Exception {
    HibernateAlongside alongside = new HibernateAlongside();
    Future<String> built = alongside.submit(() -> "built");
    while (!built.isDone()) {
      Thread.sleep(5);
    }
    Thread.sleep(200);
    assertEquals("built", built.get());
    assertTrue(alongside.waitedMillis() < 100, "waited " + alongside.waitedMillis() + " ms");
  }

  @Test
  void aFailedBuildFailsWhoeverWaits() {
    HibernateAlongside alongside = new HibernateAlongside();
    Future<String> built = alongside.submit(() -> {
      throw new IllegalStateException("no database");
    });
    ExecutionException e = assertThrows(ExecutionException.class, built::get);
    assertEquals("no database", e.getCause().getMessage());
  }
}
