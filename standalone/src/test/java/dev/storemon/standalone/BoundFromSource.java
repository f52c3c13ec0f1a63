package dev.storemon.standalone;

import java.util.Set;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.PropertySource;

/** Records the names of the properties that a binding took from one property source. */
final class BoundFromSource extends AbstractBindHandler {

    private final PropertySource<?> source;
    private final Set<ConfigurationPropertyName> names;

    BoundFromSource(PropertySource<?> source, Set<ConfigurationPropertyName> names) {
        this.source = source;
        this.names = names;
    }

    @Override
    public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
        ConfigurationProperty property = context.getConfigurationProperty();
        if (property != null && property.getSource().getUnderlyingSource() == source) {
            names.add(property.getName());
        }
        return super.onSuccess(name, target, context, result);
    }
}
