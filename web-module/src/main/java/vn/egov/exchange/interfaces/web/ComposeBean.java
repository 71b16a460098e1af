package vn.egov.exchange.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.CheckboxTreeNode;
import org.primefaces.model.TreeNode;
import org.primefaces.model.file.UploadedFile;
import vn.egov.common.DomainException;
import vn.egov.common.application.CallerContext;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.AgencyLevel;
import vn.egov.exchange.application.ExchangeService;
import vn.egov.exchange.application.Views;
import vn.egov.exchange.infrastructure.EdxmlReader;
import vn.egov.exchange.infrastructure.EdxmlReaders;

/**
 * Soạn và gửi văn bản — a clerk composes a document and sends it on the axis. The page writes the
 * same edXML package a document-management system would, signs it with the agency's demo key in
 * demo mode (in production the agency's signing device does it), and sends it through the same
 * service as the API, so the intranet and partners follow one set of rules.
 */
@Named
@ViewScoped
public class ComposeBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter EDXML_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    /** A recipient choice: code and name. */
    public record Choice(String code, String label) implements Serializable {}

    /**
     * A file chosen for the document, uploaded as soon as it is picked and kept in a temporary file
     * until the document is sent or the page is left: the view holds its name and size, not its bytes
     * (fifty attachments of 50 MB would not fit in a session).
     */
    public record ChosenFile(String name, String contentType, long size, String path) implements Serializable {}

    @Inject
    private ExchangeService exchange;

    @Inject
    private DirectoryService directory;

    @Inject
    private CallerContext callers;

    @Inject
    private EdxmlReaders readers;

    // Read when needed: configuration producers are not passivation capable, and this bean is.
    private static boolean demo() {
        return ConfigProvider.getConfig()
                .getOptionalValue("egov.demo.enabled", Boolean.class)
                .orElse(true);
    }

    private TreeNode<Choice> tree;
    private TreeNode<Choice>[] selectedNodes;
    private String number;
    private String notation;
    private String typeName = "Công văn";
    private String subject;
    private String content;
    private String urgency = "NORMAL";
    private LocalDate dueDate;
    private final List<ChosenFile> files = new ArrayList<>();

    @PostConstruct
    void init() {
        String own = callers.current().agencyCode();
        tree = recipientTree(
                directory.tree().all().stream()
                        .filter(AgencyRecord::active)
                        .sorted(java.util.Comparator.comparing(AgencyRecord::code))
                        .toList(),
                own);
    }

    /**
     * The agency tree to pick recipients from: the Government's bodies, the ministries and the
     * provinces at the top, each agency's departments and districts below it. Group headings and the
     * caller's own agency cannot be picked; picking a ministry does not pick its departments.
     */
    static TreeNode<Choice> recipientTree(List<AgencyRecord> agencies, String own) {
        Set<String> known = new HashSet<>();
        agencies.forEach(a -> known.add(a.code()));
        Map<String, List<AgencyRecord>> children = new HashMap<>();
        Map<AgencyLevel, List<AgencyRecord>> roots = new java.util.EnumMap<>(AgencyLevel.class);
        for (AgencyRecord a : agencies) {
            if (a.parentCode() != null && known.contains(a.parentCode())) {
                children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
            } else {
                // top-level agencies, and any whose parent is not listed (inactive): never left out
                roots.computeIfAbsent(a.level(), k -> new ArrayList<>()).add(a);
            }
        }
        TreeNode<Choice> root = new CheckboxTreeNode<>(new Choice(null, ""), null);
        roots.forEach((level, agenciesOfLevel) -> {
            CheckboxTreeNode<Choice> group = new CheckboxTreeNode<>("group", new Choice(null, level.name()), root);
            group.setSelectable(false);
            group.setExpanded(true);
            agenciesOfLevel.forEach(a -> addAgency(group, a, children, own));
        });
        return root;
    }

    private static void addAgency(
            TreeNode<Choice> parent, AgencyRecord agency, Map<String, List<AgencyRecord>> children, String own) {
        CheckboxTreeNode<Choice> node = new CheckboxTreeNode<>(
                "agency", new Choice(agency.code(), agency.code() + " — " + agency.name()), parent);
        node.setSelectable(!agency.code().equals(own));
        for (AgencyRecord child : children.getOrDefault(agency.code(), List.of())) {
            addAgency(node, child, children, own);
        }
    }

    /** One file picked in the upload control: checked against the exchange's limits, then listed. */
    public void upload(FileUploadEvent event) {
        UploadedFile uploaded = event.getFile();
        var limits = readers.limits();
        if (uploaded == null || uploaded.getSize() == 0) {
            FacesMessages.fieldError("compose:file", "exchange.compose.file.empty");
            return;
        }
        if (files.size() >= limits.maxAttachments()) {
            FacesMessages.fieldError("compose:file", "exchange.compose.file.too-many");
            return;
        }
        // base64 in the edXML package: four characters for every three bytes, under the payload bound
        long total = files.stream().mapToLong(ChosenFile::size).sum() + uploaded.getSize();
        if (uploaded.getSize() > limits.maxAttachmentBytes() || total > limits.maxPayloadBytes() / 4 * 3) {
            FacesMessages.fieldError("compose:file", "error.exchange.attachment.too-large");
            return;
        }
        try {
            Path kept = Files.createTempFile("egov-compose-", ".part");
            try (InputStream in = uploaded.getInputStream()) {
                Files.copy(in, kept, StandardCopyOption.REPLACE_EXISTING);
            }
            files.add(new ChosenFile(
                    baseName(uploaded.getFileName()),
                    uploaded.getContentType() == null ? "application/octet-stream" : uploaded.getContentType(),
                    Files.size(kept),
                    kept.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes a chosen file off the document again. */
    public void remove(int index) {
        if (index >= 0 && index < files.size()) {
            delete(files.remove(index));
        }
    }

    @PreDestroy
    void forgetFiles() {
        files.forEach(ComposeBean::delete);
        files.clear();
    }

    private static void delete(ChosenFile file) {
        try {
            Files.deleteIfExists(Path.of(file.path()));
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(ComposeBean.class.getName())
                    .log(java.util.logging.Level.WARNING, "could not delete " + file.path(), e);
        }
    }

    private static String baseName(String name) {
        String n = name == null || name.isBlank() ? "tep-dinh-kem" : name;
        return n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    }

    /** The largest file the exchange takes, for the upload control to refuse a larger one before sending it. */
    public long getMaxAttachmentBytes() {
        return readers.limits().maxAttachmentBytes();
    }

    public List<ChosenFile> getFiles() {
        return files;
    }

    public String send() {
        String sender = callers.current().agencyCode();
        if (recipients().isEmpty()) {
            FacesMessages.fieldError("compose:recipients", "exchange.compose.recipients.required");
            return null;
        }
        try {
            byte[] edxml = edxml(sender);
            if (demo()) {
                edxml = exchange.signAsMyAgency(edxml);
            }
            var outgoing = readers.newReader().read(new ByteArrayInputStream(edxml));
            Views.Receipt receipt = exchange.send(outgoing);
            forgetFiles();
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            FacesMessages.info(receipt.duplicate() ? "exchange.compose.duplicate" : "exchange.compose.sent");
            return "/exchange/document?faces-redirect=true&id=" + receipt.id();
        } catch (DomainException e) {
            FacesMessages.refusal(e);
            return null;
        }
    }

    private byte[] edxml(String sender) {
        String ns = EdxmlReader.NAMESPACE;
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("edXML", "edXML", ns);
            x.writeNamespace("edXML", ns);
            x.writeStartElement("edXML", "edXMLEnvelope", ns);
            x.writeStartElement("edXML", "edXMLHeader", ns);
            x.writeStartElement("edXML", "MessageHeader", ns);
            x.writeStartElement("edXML", "From", ns);
            leaf(x, "OrganId", sender);
            x.writeEndElement();
            for (String to : recipients()) {
                x.writeStartElement("edXML", "To", ns);
                leaf(x, "OrganId", to);
                x.writeEndElement();
            }
            String n = number == null ? "" : number.strip();
            String notationText = notation == null ? "" : notation.strip();
            leaf(x, "DocumentId", sender + "," + today.format(EDXML_DATE) + "," + n + "/" + notationText);
            x.writeStartElement("edXML", "Code", ns);
            leaf(x, "CodeNumber", n);
            leaf(x, "CodeNotation", notationText);
            x.writeEndElement();
            x.writeStartElement("edXML", "PromulgationInfo", ns);
            leaf(x, "PromulgationDate", today.format(EDXML_DATE));
            x.writeEndElement();
            x.writeStartElement("edXML", "DocumentType", ns);
            leaf(x, "TypeName", typeName);
            x.writeEndElement();
            leaf(x, "Subject", subject);
            if (content != null && !content.isBlank()) {
                leaf(x, "Content", content);
            }
            if (dueDate != null) {
                leaf(x, "DueDate", dueDate.format(EDXML_DATE));
            }
            x.writeStartElement("edXML", "OtherInfo", ns);
            leaf(
                    x,
                    "Priority",
                    Integer.toString(vn.egov.exchange.domain.model.Urgency.valueOf(urgency)
                            .priority()));
            x.writeEndElement();
            x.writeEndElement(); // MessageHeader
            x.writeEndElement(); // edXMLHeader
            x.writeStartElement("edXML", "edXMLBody", ns);
            x.writeStartElement("edXML", "edXMLManifest", ns);
            x.writeAttribute("version", "1.0");
            for (int i = 0; i < files.size(); i++) {
                x.writeStartElement("edXML", "Reference", ns);
                leaf(x, "ContentId", "cid:" + (i + 1));
                leaf(x, "ContentType", files.get(i).contentType());
                leaf(x, "AttachmentName", files.get(i).name());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement(); // envelope
            if (!files.isEmpty()) {
                x.writeStartElement("AttachmentEncoded");
                for (int i = 0; i < files.size(); i++) {
                    x.writeStartElement("Attachment");
                    x.writeStartElement("ContentId");
                    x.writeCharacters("cid:" + (i + 1));
                    x.writeEndElement();
                    x.writeStartElement("ContentTransferEncoded");
                    try (InputStream in =
                            Files.newInputStream(Path.of(files.get(i).path()))) {
                        byte[] chunk = new byte[57 * 1024];
                        int read;
                        Base64.Encoder encoder = Base64.getEncoder();
                        while ((read = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                            x.writeCharacters(encoder.encodeToString(
                                    read == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, read)));
                        }
                    }
                    x.writeEndElement();
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement(); // edXML
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void leaf(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement("edXML", name, EdxmlReader.NAMESPACE);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }

    /** The codes of the agencies picked in the tree, in tree order. */
    List<String> recipients() {
        if (selectedNodes == null) {
            return List.of();
        }
        return Arrays.stream(selectedNodes)
                .map(TreeNode::getData)
                .map(Choice::code)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    public TreeNode<Choice> getTree() {
        return tree;
    }

    public TreeNode<Choice>[] getSelectedNodes() {
        return selectedNodes;
    }

    public void setSelectedNodes(TreeNode<Choice>[] selectedNodes) {
        this.selectedNodes = selectedNodes;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getNotation() {
        return notation;
    }

    public void setNotation(String notation) {
        this.notation = notation;
    }

    public String getTypeName() {
        return typeName;
    }

    public void setTypeName(String typeName) {
        this.typeName = typeName;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }
}
