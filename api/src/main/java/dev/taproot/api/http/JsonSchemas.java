package dev.taproot.api.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * JSON Schema 2020-12 (the dialect of OpenAPI 3.1) for the records the HTTP layer reads and writes.
 * Named types go to {@code components.schemas} and are referred to with {@code $ref}, so a type used
 * by many operations is described once and recursive types (an evidence tree) terminate.
 *
 * <p>Property names, {@code @JsonProperty} renames, {@code @JsonIgnore}, {@code @JsonUnwrapped} and
 * {@code @JsonValue} come from Jackson's own introspection of the mapper that writes the bodies, so
 * the schema names what is really on the wire. The schema itself is emitted here rather than by
 * {@code jackson-module-jsonSchema}: that module writes draft-03 schemas (a boolean {@code required}
 * on each property, {@code urn:jsonschema} ids) which OpenAPI 3.1 tools do not read, and it has no
 * notion of {@code components}. A property is required when its component is annotated
 * {@code @JsonProperty(required = true)}.
 */
final class JsonSchemas {

    /** Where {@code $ref}s point. */
    static final String REF_PREFIX = "#/components/schemas/";

    private final ObjectMapper mapper;
    private final Map<String, Object> components = new TreeMap<>();
    private final Map<Class<?>, String> names = new LinkedHashMap<>();

    JsonSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The named schemas referred to so far. */
    Map<String, Object> components() {
        return components;
    }

    /** Adds a schema written by hand (for a body that is built as a map, such as a problem). */
    void define(String name, Map<String, Object> schema) {
        components.put(name, schema);
    }

    /** The schema of {@code type}: inline for scalars and containers, a {@code $ref} for records and beans. */
    Map<String, Object> schemaOf(Class<?> type) {
        return schemaOf(mapper.constructType(type));
    }

    /** The schema of a JSON array of {@code type}. */
    Map<String, Object> arrayOf(Class<?> type) {
        return Map.of("type", "array", "items", schemaOf(type));
    }

    private Map<String, Object> schemaOf(JavaType t) {
        Class<?> c = t.getRawClass();
        Map<String, Object> scalar = scalar(c);
        if (scalar != null) {
            return scalar;
        }
        if (t.isReferenceType()) {
            return schemaOf(t.getReferencedType());
        }
        if (t.isArrayType() || t.isCollectionLikeType()) {
            return Map.of("type", "array", "items", schemaOf(t.getContentType()));
        }
        if (t.isMapLikeType()) {
            return Map.of("type", "object", "additionalProperties", schemaOf(t.getContentType()));
        }
        if (c == Object.class || JsonNode.class.isAssignableFrom(c)) {
            return Map.of();
        }
        if (c.isEnum()) {
            var values = new ArrayList<String>();
            for (Object constant : c.getEnumConstants()) {
                values.add(mapper.convertValue(constant, String.class));
            }
            return Map.of("type", "string", "enum", values);
        }
        return Map.of("$ref", REF_PREFIX + named(t));
    }

    private String named(JavaType t) {
        Class<?> c = t.getRawClass();
        String known = names.get(c);
        if (known != null) {
            return known;
        }
        String name = c.getSimpleName();
        if (components.containsKey(name) && c.getEnclosingClass() != null) {
            name = c.getEnclosingClass().getSimpleName() + name;
        }
        while (components.containsKey(name)) {
            name = name + "_";
        }
        names.put(c, name);
        components.put(name, Map.of());
        components.put(name, describe(t));
        return name;
    }

    private Map<String, Object> describe(JavaType t) {
        Class<?> c = t.getRawClass();
        if (c.isSealed()) {
            var choices = new ArrayList<Map<String, Object>>();
            for (Class<?> sub : c.getPermittedSubclasses()) {
                choices.add(schemaOf(sub));
            }
            return Map.of("oneOf", choices);
        }
        BeanDescription bean = mapper.getSerializationConfig().introspect(t);
        AnnotatedMember value = bean.findJsonValueAccessor();
        if (value != null) {
            return schemaOf(value.getType());
        }
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        addProperties(bean, properties, required);
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private void addProperties(BeanDescription bean, Map<String, Object> properties, List<String> required) {
        for (BeanPropertyDefinition p : bean.findProperties()) {
            AnnotatedMember accessor = p.getAccessor() != null ? p.getAccessor() : p.getPrimaryMember();
            if (accessor == null) {
                continue;
            }
            if (accessor.hasAnnotation(JsonUnwrapped.class)) {
                addProperties(mapper.getSerializationConfig().introspect(accessor.getType()), properties, required);
                continue;
            }
            properties.put(p.getName(), schemaOf(accessor.getType()));
            if (p.isRequired()) {
                required.add(p.getName());
            }
        }
    }

    private static Map<String, Object> scalar(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class || CharSequence.class.isAssignableFrom(c)) {
            return Map.of("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class || c == Byte.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class || c == BigInteger.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class
                || c == Number.class) {
            return Map.of("type", "number");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == Duration.class) {
            return Map.of("type", "string", "format", "duration");
        }
        if (c == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (c == URI.class) {
            return Map.of("type", "string", "format", "uri");
        }
        return null;
    }
}
