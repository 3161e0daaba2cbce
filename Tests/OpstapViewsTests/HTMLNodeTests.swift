import Testing
@testable import OpstapDomain
@testable import OpstapViews

@Suite struct HTMLNodeTests {
    @Test func textAndAttributesAreEscaped() {
        let node = el("a", ["href": "/x?a=1&b=\"2\""]) { "<script>alert('x')</script>" }
        #expect(
            node.render()
                == "<a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>")
    }

    @Test func nilAttributesAreLeftOutAndBooleansHaveNoValue() {
        let node = el("input", ["type": "checkbox", "checked": "", "aria-describedby": nil])
        #expect(node.render() == "<input type=\"checkbox\" checked>")
    }

    @Test func formFieldsTieErrorsToTheirInput() {
        let context = PageContext(locale: .nl, user: nil, csrfToken: "t")
        let html = Form.input(context, label: "Naam", name: "familyName", errors: [FieldError("familyName", .required)])
            .render()
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html.contains("aria-describedby=\"f-familyName-error\""))
        #expect(html.contains("id=\"f-familyName-error\">Vul dit in.</p>"))
    }

    @Test func pagesDeclareTheirLanguage() {
        let page = LoginPage.render(PageContext(locale: .en, user: nil, csrfToken: "t"), email: "", failed: false)
        #expect(page.hasPrefix("<!DOCTYPE html><html lang=\"en\" dir=\"ltr\">"))
        #expect(page.contains("<h1>Sign in</h1>"))
        let arabic = LoginPage.render(PageContext(locale: .ar, user: nil, csrfToken: "t"), email: "", failed: false)
        #expect(arabic.hasPrefix("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\">"))
    }
}
