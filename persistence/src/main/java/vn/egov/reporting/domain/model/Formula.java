package vn.egov.reporting.domain.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.egov.common.DomainException;

/**
 * Công thức tính chỉ tiêu — how a derived indicator is computed from other indicators, e.g.
 * {@code 100 * DISBURSED / PLANNED} or {@code (RETAIL_GOODS + RETAIL_SERVICES) / POPULATION}.
 *
 * <p>Formulas are metadata that administrators type in, so they are parsed by this small
 * hand-written recursive-descent parser rather than a script engine: the grammar admits nothing but
 * arithmetic on numbers and indicator codes, a formula cannot run code, and a mistake is refused
 * when it is saved, with the position of the fault, not when a report is computed.
 *
 * <pre>
 * formula := sum
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := '-' unary | primary
 * primary := NUMBER | CODE | '(' sum ')'
 * NUMBER  := [0-9]+ ('.' [0-9]+)?
 * CODE    := [A-Z][A-Z0-9_]*
 * </pre>
 *
 * Positions in error details count characters from 1. Two formulas are equal when their text is.
 */
public final class Formula {

    public static final int MAX_LENGTH = 500;
    /** Deepest nesting of parentheses and unary minus; deeper text is surely a mistake. */
    public static final int MAX_DEPTH = 50;

    private final String text;
    private final Node root;
    private final Set<String> inputs;

    private Formula(String text, Node root, Set<String> inputs) {
        this.text = text;
        this.root = root;
        this.inputs = Collections.unmodifiableSet(inputs);
    }

    /**
     * Parses a formula, refusing with {@code reporting.formula.invalid} empty text, text over
     * {@value #MAX_LENGTH} characters, characters outside the grammar, unbalanced parentheses, text
     * left over after a complete formula, and nesting deeper than {@value #MAX_DEPTH}.
     */
    public static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("the formula is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("the formula has " + text.length() + " characters, more than " + MAX_LENGTH);
        }
        Parser parser = new Parser(tokenize(text));
        Node root = parser.formula();
        return new Formula(text, root, parser.inputs);
    }

    private static DomainException invalid(String detail) {
        return DomainException.invalid("reporting.formula.invalid", detail);
    }

    /** The indicator codes the formula reads, in order of first appearance. */
    public Set<String> inputs() {
        return inputs;
    }

    public String text() {
        return text;
    }

    /**
     * Computes the formula from the inputs' values. Returns null, meaning "no figure", when an input
     * is missing or a divisor is zero: a derived indicator over incomplete data must show as
     * unavailable rather than as a misleading number or an error that breaks the whole report.
     * Division is rounded to {@link MathContext#DECIMAL64}; the other operations are exact.
     */
    public BigDecimal evaluate(Map<String, BigDecimal> values) {
        Objects.requireNonNull(values, "values");
        BigDecimal result = root.evaluate(values);
        if (result == null) {
            return null;
        }
        result = result.stripTrailingZeros();
        return result.scale() < 0 ? result.setScale(0) : result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Formula formula && formula.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- tokens

    private enum Kind {
        NUMBER,
        CODE,
        PLUS,
        MINUS,
        TIMES,
        DIVIDE,
        OPEN,
        CLOSE,
        END
    }

    /** A token and its 1-based position in the text. */
    private record Token(Kind kind, String text, int position) {

        String describe() {
            return kind == Kind.END ? "the end of the formula" : "'" + text + "' at position " + position;
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (isDigit(c)) {
                while (i < text.length() && isDigit(text.charAt(i))) {
                    i++;
                }
                if (i < text.length() && text.charAt(i) == '.') {
                    if (i + 1 >= text.length() || !isDigit(text.charAt(i + 1))) {
                        throw invalid("a digit must follow the decimal point at position " + (i + 1));
                    }
                    i++;
                    while (i < text.length() && isDigit(text.charAt(i))) {
                        i++;
                    }
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start + 1));
            } else if (c >= 'A' && c <= 'Z') {
                while (i < text.length() && isCodeChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.CODE, text.substring(start, i), start + 1));
            } else {
                Kind kind = switch (c) {
                    case '+' -> Kind.PLUS;
                    case '-' -> Kind.MINUS;
                    case '*' -> Kind.TIMES;
                    case '/' -> Kind.DIVIDE;
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    default ->
                        throw invalid("unexpected character '" + Character.toString(text.codePointAt(i))
                                + "' at position " + (i + 1)
                                + "; a formula has numbers, indicator codes in capitals, + - * / and parentheses");
                };
                tokens.add(new Token(kind, String.valueOf(c), start + 1));
                i++;
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
        return tokens;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isCodeChar(char c) {
        return (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }

    // ---- parser

    private static final class Parser {
        private final List<Token> tokens;
        private final Set<String> inputs = new LinkedHashSet<>();
        private int next;
        private int depth;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node formula() {
            Node node = sum();
            Token left = peek();
            if (left.kind == Kind.CLOSE) {
                throw invalid("')' at position " + left.position + " has no matching '('");
            }
            if (left.kind != Kind.END) {
                throw invalid("unexpected " + left.describe() + " after a complete formula");
            }
            return node;
        }

        private Node sum() {
            Node node = product();
            while (peek().kind == Kind.PLUS || peek().kind == Kind.MINUS) {
                Kind op = take().kind;
                node = new Binary(op, node, product());
            }
            return node;
        }

        private Node product() {
            Node node = unary();
            while (peek().kind == Kind.TIMES || peek().kind == Kind.DIVIDE) {
                Kind op = take().kind;
                node = new Binary(op, node, unary());
            }
            return node;
        }

        private Node unary() {
            if (peek().kind == Kind.MINUS) {
                Token minus = take();
                enter(minus);
                Node operand = unary();
                depth--;
                return new Negate(operand);
            }
            return primary();
        }

        private Node primary() {
            Token token = take();
            return switch (token.kind) {
                case NUMBER -> new Constant(new BigDecimal(token.text));
                case CODE -> {
                    inputs.add(token.text);
                    yield new Input(token.text);
                }
                case OPEN -> {
                    enter(token);
                    Node inner = sum();
                    Token close = take();
                    if (close.kind != Kind.CLOSE) {
                        throw invalid("'(' at position " + token.position + " is not closed: expected ')' but found "
                                + close.describe());
                    }
                    depth--;
                    yield inner;
                }
                default -> throw invalid("expected a number, an indicator code or '(' but found " + token.describe());
            };
        }

        private void enter(Token token) {
            if (++depth > MAX_DEPTH) {
                throw invalid("nesting deeper than " + MAX_DEPTH + " levels at position " + token.position);
            }
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token token = tokens.get(next);
            if (token.kind != Kind.END) {
                next++;
            }
            return token;
        }
    }

    // ---- expression tree

    private sealed interface Node permits Constant, Input, Negate, Binary {
        /** The value, or null when an input is missing or a divisor is zero. */
        BigDecimal evaluate(Map<String, BigDecimal> values);
    }

    private record Constant(BigDecimal value) implements Node {
        @Override
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            return value;
        }
    }

    private record Input(String code) implements Node {
        @Override
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            return values.get(code);
        }
    }

    private record Negate(Node operand) implements Node {
        @Override
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            BigDecimal value = operand.evaluate(values);
            return value == null ? null : value.negate();
        }
    }

    private record Binary(Kind op, Node left, Node right) implements Node {
        @Override
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            BigDecimal a = left.evaluate(values);
            BigDecimal b = right.evaluate(values);
            if (a == null || b == null) {
                return null;
            }
            return switch (op) {
                case PLUS -> a.add(b);
                case MINUS -> a.subtract(b);
                case TIMES -> a.multiply(b);
                case DIVIDE -> b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL64);
                default -> throw new IllegalStateException("not an operator: " + op);
            };
        }
    }
}
