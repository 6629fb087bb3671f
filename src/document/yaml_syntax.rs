//! The YAML parser's syntax errors as messages: the kinds met in hand-written manifests
//! (indentation, unclosed quotes and brackets, tabs, a stray `:`) are worded by ladrillo in
//! every language; any other keeps the parser's own English text, quoted.

use granit_parser::{ErrorKind as K, ScanError};

use crate::i18n::Msg;

/// The message of a parser error.
#[must_use]
pub fn message(e: &ScanError) -> Msg {
    let id = match e.kind() {
        K::UnexpectedEofFlowSequence => "yaml-eof-flow-sequence",
        K::UnexpectedEofFlowMapping => "yaml-eof-flow-mapping",
        K::UnexpectedEofImplicitFlowMapping => "yaml-eof-implicit-flow-mapping",
        K::UnexpectedEofBlockSequence => "yaml-eof-block-sequence",
        K::UnexpectedEofBlockMapping => "yaml-eof-block-mapping",
        K::UnexpectedEof => "yaml-eof",
        K::ExpectedNodeContent => "yaml-expected-node",
        K::ExpectedBlockMappingKey => "yaml-expected-key",
        K::ExpectedFlowMappingSeparator => "yaml-expected-comma-brace",
        K::ExpectedFlowSequenceSeparator => "yaml-expected-comma-bracket",
        K::ExpectedBlockSequenceEntry => "yaml-expected-dash",
        K::SimpleKeyExpected => "yaml-key-expected-colon",
        K::InvalidSimpleKey => "yaml-invalid-key",
        K::InvalidIndentation => "yaml-invalid-indentation",
        K::TabNotAllowed => "yaml-tab",
        K::TabInBlockIndentation => "yaml-tab-block-indentation",
        K::TabInIndentation => "yaml-tab-indentation",
        K::MappingValueNotAllowed => "yaml-mapping-value-not-allowed",
        K::UnclosedQuotedScalar => "yaml-unclosed-quote",
        K::MisplacedFlowCollectionEnd => "yaml-misplaced-bracket",
        K::UnknownAnchor => "yaml-unknown-anchor",
        K::RecursionLimitExceeded => "yaml-too-deep",
        K::CommentNotSeparated => "yaml-comment-not-separated",
        K::InvalidMappingValueWhitespace => "yaml-colon-needs-space",
        K::UnclosedFlowCollection { open } => {
            return crate::msg!("yaml-unclosed-bracket", bracket = open.to_string());
        }
        K::MismatchedFlowCollectionEnd { open, close } => {
            return crate::msg!(
                "yaml-mismatched-bracket",
                open = open.to_string(),
                close = close.to_string()
            );
        }
        _ => return crate::msg!("yaml-parser-said", text = e.info()),
    };
    // A parser stack names its sources after the text; a plain parse has none.
    if e.source_stack().len() > 1 {
        return crate::msg!("yaml-parser-said", text = e.info());
    }
    Msg::new(id)
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    /// The English wording of each kind worded here is the parser's, so English output is as
    /// before; Spanish has its own.
    #[test]
    fn english_is_the_parser_text_and_spanish_is_translated() {
        for text in [
            "a: b\n c: d\n",
            "a: 'unclosed\n",
            "a: [1, 2\n",
            "a: {x: 1\n",
            "a: [1}\n",
            "- a\nb: c\n",
            "a:\n\t- b\n",
            "a:\n\tb: 1\n",
            "a: b\n\t\n- c\n",
            "a: b: c\n",
            "a:\n  b: 1\n c: 2\n",
            "a: \"x\n",
            "a: ]\n",
            "{a: 1\n",
        ] {
            let mut parser = granit_parser::Parser::new_from_str(text);
            let Some(e) = std::iter::from_fn(|| parser.next_event()).find_map(Result::err) else {
                panic!("no error for {text:?}")
            };
            let (en, es) = (super::message(&e).render(Lang::En), super::message(&e).render(Lang::Es));
            assert_eq!(en, e.info(), "{text:?}");
            assert_ne!(en, es, "{text:?}: {en}");
            assert!(!es.contains("while parsing"), "{text:?}: {es}");
        }
    }

    /// A kind not worded here keeps the parser's text, quoted inside a Spanish sentence.
    #[test]
    fn other_parser_errors_are_quoted() {
        let stream = super::super::yaml::parse("a: *\n");
        let e = &stream.errors[0];
        let en = e.message.render(Lang::En);
        assert!(en.starts_with("while scanning an anchor or alias"), "{en}");
        assert_eq!(e.message.render(Lang::Es), format!("el analizador de YAML indica: «{en}»"));
    }
}
