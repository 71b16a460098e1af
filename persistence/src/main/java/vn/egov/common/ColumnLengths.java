package vn.egov.common;

import jakarta.persistence.Column;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses text longer than its column before the database does: a default entity listener (see
 * {@code META-INF/orm.xml}) for every entity, so an over-long name is a 400
 * {@value #CODE} naming the field, never a database error answered 500. Every text column is
 * declared with its length on the entity; a field whose {@code @Column} keeps JPA's default length
 * (255) is not checked, because the migration, not the annotation, may give it another size.
 *
 * <p>Lengths count UTF-16 units, never fewer than the characters PostgreSQL and H2 count.
 */
public class ColumnLengths {

    public static final String CODE = "request.text.too-long";
    private static final int JPA_DEFAULT_LENGTH = 255;

    private record Bounded(Field field, int length) {}

    private static final Map<Class<?>, List<Bounded>> BOUNDS = new ConcurrentHashMap<>();

    @PrePersist
    @PreUpdate
    public void check(Object entity) {
        for (Bounded bounded : BOUNDS.computeIfAbsent(entity.getClass(), ColumnLengths::bounds)) {
            Object value;
            try {
                value = bounded.field().get(entity);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + bounded.field(), e);
            }
            if (value instanceof String text && text.length() > bounded.length()) {
                String field = bounded.field().getName();
                throw new DomainException(
                        DomainException.Kind.INVALID,
                        CODE,
                        field + " is longer than " + bounded.length() + " characters",
                        Map.of("field", field, "max", bounded.length()));
            }
        }
    }

    private static List<Bounded> bounds(Class<?> type) {
        List<Bounded> bounds = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (field.getType() == String.class
                        && column != null
                        && column.length() != JPA_DEFAULT_LENGTH
                        && column.columnDefinition().isEmpty()
                        && !Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    bounds.add(new Bounded(field, column.length()));
                }
            }
        }
        return List.copyOf(bounds);
    }
}
