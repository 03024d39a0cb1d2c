"""The links of facets, chips and pagination: the current URL's filters with one change."""

from django.http import QueryDict

from core.filtering import querystring


def test_drops_the_page_and_keeps_every_other_parameter_in_order():
    assert querystring(QueryDict("country=FR&page=3&tag=a&tag=b")) == "?country=FR&tag=a&tag=b"


def test_an_empty_query_is_a_bare_question_mark():
    assert querystring(QueryDict("page=2")) == "?"


def test_removes_one_value_of_a_repeated_parameter_or_all_of_them():
    params = QueryDict("tag=a&tag=b&kind=pole")
    assert querystring(params, remove=("tag", "a")) == "?tag=b&kind=pole"
    assert querystring(params, remove=("tag", None)) == "?kind=pole"
    assert querystring(params, remove=("tag", "zzz")) == "?tag=a&tag=b&kind=pole"


def test_a_change_replaces_a_value_and_a_list_adds_values_once():
    params = QueryDict("kind=pole&tag=a")
    assert querystring(params, kind="cluster") == "?kind=cluster&tag=a"
    assert querystring(params, tag=["a", "b"]) == "?kind=pole&tag=a&tag=b"
    assert querystring(params, country="TR") == "?kind=pole&tag=a&country=TR"


def test_encodes_like_querydict_itself():
    params = QueryDict(mutable=True)
    params.setlist("q", ["Łódź & co", "100%"])
    params["region"] = "Île-de-France"
    assert querystring(params) == "?" + params.urlencode()
    assert querystring(params, remove=("q", "100%")) == "?q=%C5%81%C3%B3d%C5%BA+%26+co&region=%C3%8Ele-de-France"


def test_leaves_the_original_parameters_untouched():
    params = QueryDict("tag=a&page=2")
    querystring(params, tag=["b"], remove=("tag", "a"))
    assert params.urlencode() == "tag=a&page=2"
