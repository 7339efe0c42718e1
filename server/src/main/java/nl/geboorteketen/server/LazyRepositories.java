package nl.geboorteketen.server;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.util.ClassUtils;

/**
 * Spring Data repositories are built when first used, not at start-up: what Spring Data calls the
 * lazy bootstrap mode, which HAPI's own {@code @EnableJpaRepositories} does not ask for. Building a
 * repository parses and checks its queries; HAPI JPA declares about a hundred, and a start uses a
 * part of them. Every bean that has one injected gets a proxy that builds it on its first call and
 * keeps it. Measured in docs/decisions.md.
 */
final class LazyRepositories implements BeanFactoryPostProcessor {

  private final List<String> names = new ArrayList<>();

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
    ClassLoader loader = factory.getBeanClassLoader();
    for (String name : factory.getBeanDefinitionNames()) {
      BeanDefinition definition = factory.getBeanDefinition(name);
      String className = definition.getBeanClassName();
      if (className != null && ClassUtils.isPresent(className, loader)
          && RepositoryFactoryBeanSupport.class.isAssignableFrom(ClassUtils.resolveClassName(className, loader))) {
        definition.setLazyInit(true);
        names.add(name);
      }
    }
    if (factory instanceof DefaultListableBeanFactory beans) {
      beans.setAutowireCandidateResolver(new InjectedLazily());
    }
  }

  /** The repositories' bean names. */
  List<String> names() {
    return List.copyOf(names);
  }

  /** A repository injected anywhere is injected as a proxy that resolves it on first use. */
  private static final class InjectedLazily extends ContextAnnotationAutowireCandidateResolver {
    @Override
    protected boolean isLazy(DependencyDescriptor descriptor) {
      Class<?> type = descriptor.getDependencyType();
      return super.isLazy(descriptor) || (type.isInterface() && Repository.class.isAssignableFrom(type));
    }
  }
}
