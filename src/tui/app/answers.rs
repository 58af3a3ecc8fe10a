//! Canned answers in a form: the picker opened over the form, and the answer chosen, filled
//! for the case in the background (its use counted), put into the form's field.

use super::*;

impl App {
    /// Opens the picker over `form`, when the form takes an answer (its answer field gets the
    /// focus, so the text goes where the user looks).
    pub(super) fn pick_answer(&mut self, mut form: Box<Form<Purpose>>) {
        let Some((field, case)) = form.purpose.answer_target() else {
            self.info(t!("answers-not-here"));
            self.overlay = Some(Overlay::Form(form));
            return;
        };
        if let Some(at) = form.fields.iter().position(|f| f.key == field) {
            form.focus = at;
        }
        let picker = AnswerPicker::new(&self.service, form, case);
        self.overlay = Some(Overlay::Answers(Box::new(picker)));
    }

    /// The answer, filled in, into the form it was chosen for if that form is still on
    /// screen: in place of the field's untouched default text, else at the cursor.
    pub(super) fn insert_answer(&mut self, used: crate::service::UsedAnswer) {
        let wanted = self.answer_for.take();
        let form = match &mut self.overlay {
            Some(Overlay::Form(form)) if Some(&form.purpose) == wanted.as_ref() => form,
            _ => return self.info(t!("answer-form-gone")),
        };
        let Some((key, _)) = form.purpose.answer_target() else {
            return;
        };
        if let Some(at) = form.fields.iter().position(|f| f.key == key) {
            form.focus = at;
            let field = &mut form.fields[at];
            if !field.original.is_empty() && field.value() == field.original {
                field.set_value("");
            }
            field.insert(&used.text);
        }
        self.info(t!("answer-inserted", title = used.answer.title.as_str()));
    }
}
