package vn.egov.common.interfaces.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.egov.common.DomainException;

/**
 * The one place where failures become RFC 9457 problems. Business refusals keep their own code;
 * everything the runtime raises gets the code of its status; anything unexpected is logged and
 * answered 500 without detail, so no stack trace or class name ever reaches a client.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    static Response fromDomain(DomainException e) {
        int status = e.kind().status();
        Problem problem = Problem.of(status, e.code(), Problem.titleOf(status), e.getMessage());
        if (e.arguments().get("field") instanceof String field) {
            problem = problem.with(Map.of("field", field));
        }
        if (e instanceof vn.egov.common.InvalidValuesException invalid) {
            problem = problem.withErrors(invalid.failures().stream()
                    .map(f -> new Problem.FieldError(f.field(), f.message(), f.code()))
                    .toList());
        }
        return problem.toResponse();
    }

    /**
     * A refusal raised where the runtime wraps it (a parameter converter, the JSON binding, a
     * request filter's stream): found in the cause chain, so it keeps its own code.
     */
    static DomainException refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    static Response unexpected(Throwable e) {
        LOG.log(Level.SEVERE, "unexpected failure serving an API request", e);
        return Problem.of(
                        500,
                        "internal.error",
                        Problem.titleOf(500),
                        "the request could not be completed; the failure has been logged")
                .toResponse();
    }

    @Provider
    public static class DomainExceptionMapper implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            return fromDomain(e);
        }
    }

    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            DomainException refusal = refusalIn(e);
            if (refusal != null) {
                return fromDomain(refusal);
            }
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            // Jersey reports unreadable JSON as a 400 whose cause is the parser's exception.
            String detail = switch (status) {
                case 400 -> "the request body or parameters could not be read";
                case 404 -> "no resource at this address";
                case 405 -> "this resource does not accept that method";
                case 415 -> "this resource does not accept that content type";
                case 403 -> "the caller's roles do not allow this request";
                default -> e.getMessage();
            };
            Response.ResponseBuilder problem =
                    Response.fromResponse(Problem.of(status, Problem.codeOf(status), Problem.titleOf(status), detail)
                            .toResponse());
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> problem.header(name, value));
                }
            });
            return problem.build();
        }
    }

    @Provider
    public static class MalformedJsonMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            DomainException refusal = refusalIn(e);
            if (refusal != null) {
                return fromDomain(refusal);
            }
            return Problem.of(400, "request.malformed", Problem.titleOf(400), "the JSON body could not be read")
                    .toResponse();
        }
    }

    @Provider
    public static class MalformedJsonPMapper implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            DomainException refusal = refusalIn(e);
            if (refusal != null) {
                return fromDomain(refusal);
            }
            return Problem.of(400, "request.malformed", Problem.titleOf(400), "the JSON body could not be read")
                    .toResponse();
        }
    }

    @Provider
    public static class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            DomainException refusal = refusalIn(e);
            if (refusal != null) {
                return fromDomain(refusal);
            }
            return Problem.of(400, "request.malformed", Problem.titleOf(400), "the request body could not be read")
                    .toResponse();
        }
    }

    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return Problem.of(400, "request.invalid", "Invalid request", "one or more fields are invalid")
                    .withErrors(errors)
                    .toResponse();
        }

        /** The field's name without the method and parameter segments Bean Validation puts in front. */
        private static String field(ConstraintViolation<?> violation) {
            String last = null;
            StringBuilder path = new StringBuilder();
            for (Path.Node node : violation.getPropertyPath()) {
                switch (node.getKind()) {
                    case PROPERTY, CONTAINER_ELEMENT ->
                        path.append(path.isEmpty() ? "" : ".").append(node.getName());
                    default -> last = node.getName();
                }
            }
            return path.isEmpty() ? (last == null ? "" : last) : path.toString();
        }
    }

    @Provider
    public static class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return Problem.of(
                            403, "auth.forbidden", Problem.titleOf(403), "the caller's roles do not allow this request")
                    .toResponse();
        }
    }

    @Provider
    public static class EjbExceptionMapper implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            DomainException refusal = refusalIn(e);
            return refusal != null ? fromDomain(refusal) : unexpected(e);
        }
    }

    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            DomainException refusal = refusalIn(e);
            return refusal != null ? fromDomain(refusal) : unexpected(e);
        }
    }
}
