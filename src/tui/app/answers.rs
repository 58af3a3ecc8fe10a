//! Canned answers in the workbench: the picker opened over a form, the answer chosen filled
//! for the case in the background (its use counted) and put into the form's field; and the
//! library's manager (the picker on its own), whose keys open the answer forms.

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
        let picker = AnswerPicker::new(&self.service, Some(form), case);
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
            let replace = !field.original.is_empty() && field.value() == field.original;
            let kept = if replace {
                0
            } else {
                field.value().chars().count()
            };
            let room = crate::tui::form::MAX_FIELD_CHARS.saturating_sub(kept);
            if used.text.chars().count() > room {
                // Never a silently cut answer: say so, and leave the field as it was.
                return self.error(t!(
                    "answer-too-long-for-field",
                    title = used.answer.title.as_str(),
                    most = room
                ));
            }
            if replace {
                field.set_value("");
            }
            field.insert(&used.text);
        }
        self.info(t!("answer-inserted", title = used.answer.title.as_str()));
    }

    /// Opens the library's manager.
    pub(super) fn manage_answers(&mut self) {
        let picker = AnswerPicker::new(&self.service, None, Default::default());
        self.overlay = Some(Overlay::Answers(Box::new(picker)));
    }

    /// What the picker's key asked for.
    pub(super) fn picked(&mut self, mut picker: Box<AnswerPicker>, event: PickerEvent) {
        match event {
            PickerEvent::None => self.overlay = Some(Overlay::Answers(picker)),
            PickerEvent::Close => self.overlay = picker.form.take().map(Overlay::Form),
            PickerEvent::Pick(id) => match picker.form.take() {
                Some(form) => {
                    self.answer_for = Some(form.purpose.clone());
                    self.jobs.ask(
                        Asker::UseAnswer,
                        crate::service::Request::UseAnswer {
                            id,
                            case: picker.case.clone(),
                        },
                    );
                    self.overlay = Some(Overlay::Form(form));
                }
                None => match picker.hits.iter().find(|a| a.id == id) {
                    Some(answer) => self.open_form(Purpose::edit_answer_form(answer)),
                    None => self.overlay = Some(Overlay::Answers(picker)),
                },
            },
            PickerEvent::New => self.open_form(Purpose::new_answer_form()),
            PickerEvent::Remove(answer) => self.open_form(Purpose::remove_answer_form(&answer)),
        }
    }
}
