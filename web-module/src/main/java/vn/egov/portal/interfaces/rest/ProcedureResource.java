package vn.egov.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.rest.BodyLimit;
import vn.egov.common.interfaces.web.Downloads;
import vn.egov.portal.application.ProcedureCatalogue;
import vn.egov.portal.application.ProcedureRecord;
import vn.egov.portal.application.ProcedureViews.FormFile;
import vn.egov.portal.application.ProcedureViews.FormInfo;
import vn.egov.portal.application.ProcedureViews.ImportReport;
import vn.egov.portal.application.ProcedureViews.ProcedurePage;
import vn.egov.portal.application.ProcedureViews.ProcedureSearch;
import vn.egov.portal.infrastructure.CpsvAp;

/**
 * The procedure catalogue: {@code /api/v1/portal/procedures}. Reading is open to anonymous callers
 * (web.xml lets GET through without a token; a token, when sent, is still honoured, so
 * administrators see their unpublished procedures); writing needs an administrator's token.
 * Bodies are the national record's JSON ({@code LayThuTuc}), read here with JSON-P from strict
 * UTF-8 and checked field by field by the catalogue.
 */
@Path("portal")
@Produces(MediaType.APPLICATION_JSON)
public class ProcedureResource {

    @Inject
    private ProcedureCatalogue catalogue;

    @Inject
    @ConfigProperty(name = "egov.portal.public-base-url", defaultValue = "none")
    private String publicBaseUrl;

    @GET
    @Path("procedures")
    public ProcedurePage search(
            @QueryParam("q") String q,
            @QueryParam("field") String field,
            @QueryParam("agency") String agency,
            @QueryParam("level") Integer level,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return catalogue.search(new ProcedureSearch(q, field, agency, level, offset, limit));
    }

    @GET
    @Path("procedures/{code}")
    @Produces({MediaType.APPLICATION_JSON, CpsvAp.MEDIA_TYPE})
    public Response procedure(@PathParam("code") String code, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(CpsvAp.MEDIA_TYPE)) {
            return Response.ok(
                            catalogue.linkedData(code, identifier(code)).toString(),
                            CpsvAp.MEDIA_TYPE + ";charset=UTF-8")
                    .build();
        }
        return Response.ok(catalogue.get(code), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("fields")
    public List<ProcedureRecord.Field> fields() {
        return catalogue.fields();
    }

    @GET
    @Path("agencies")
    public List<ProcedureRecord.Agency> agencies() {
        return catalogue.agencies();
    }

    @PUT
    @Path("procedures/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProcedureRecord save(@PathParam("code") String code, InputStream body) {
        return catalogue.save(code, json(body, Integer.MAX_VALUE));
    }

    @POST
    @Path("procedures/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(value = "egov.portal.import.max-body-bytes", code = "portal.procedure.import-too-large")
    public ImportReport importRecords(@QueryParam("dryRun") @DefaultValue("true") boolean dryRun, InputStream body) {
        return catalogue.importRecords(json(body, Integer.MAX_VALUE), dryRun);
    }

    @GET
    @Path("procedures/{code}/forms/{formCode}")
    @Produces(MediaType.WILDCARD)
    public Response form(@PathParam("code") String code, @PathParam("formCode") String formCode) {
        FormFile f = catalogue.form(code, formCode);
        return Response.ok(f.content(), f.contentType())
                .header("Content-Disposition", Downloads.attachment(f.fileName()))
                .build();
    }

    @PUT
    @Path("procedures/{code}/forms/{formCode}")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(value = "egov.portal.form.max-bytes", code = "portal.procedure.form-too-large")
    public FormInfo saveForm(
            @PathParam("code") String code,
            @PathParam("formCode") String formCode,
            @QueryParam("name") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        byte[] content;
        try {
            content = body.readNBytes(64 * 1024 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalogue.saveForm(code, formCode, fileName, contentType, content);
    }

    /** The JSON-LD {@code @id}: the public page's address where one is configured, else a URN. */
    private String identifier(String code) {
        return "none".equals(publicBaseUrl) || publicBaseUrl.isBlank()
                ? "urn:vn:tthc:" + code
                : publicBaseUrl.replaceAll("/+$", "") + "/portal/procedure.xhtml?code=" + code;
    }

    /** The body as JSON, from UTF-8 that must be well-formed: 400 request.encoding.invalid / request.malformed. */
    static JsonValue json(InputStream body, int max) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length == 0) {
            throw DomainException.invalid("request.malformed", "the request needs a JSON body");
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw DomainException.invalid("request.encoding.invalid", "the body is not UTF-8");
        }
        try (JsonReader reader =
                Json.createReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw DomainException.invalid("request.malformed", "the body is not well-formed JSON");
        } catch (JsonException e) {
            throw DomainException.invalid("request.malformed", "the body is not JSON");
        }
    }
}
