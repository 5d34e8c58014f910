from django.urls import path

from . import feeds, views

app_name = "reading"
urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("rss/", feeds.SiteArticlesFeed(), name="feed"),
    path("rss/<int:section_id>/", feeds.SectionArticlesFeed(), name="section_feed"),
]
